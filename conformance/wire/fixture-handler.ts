import { type HttpHandler, http } from 'msw';
import type { Fixture } from '../fixtures/types.ts';
import { regionalEndpoint } from '../protocol/aws-json.ts';
import { type CapturedRequest, captureRequest } from './captured-request.ts';
import { fixtureResponse } from './fixture-response.ts';

/** @public */
export interface FixtureHandlerOptions {
  /** The region the client under test is configured for; default us-east-1. */
  region?: string;
  /** Called with every request the handler answers (to assert on it in your own test). */
  onRequest?: (request: CapturedRequest) => void;
}

/**
 * An msw handler that answers RevokeToken calls to the regional endpoint exactly as the
 * fixture says, for use in your own tests:
 *
 * ```ts
 * const [fixture] = (await loadFixtures()).filter((f) => f.id === 'RevokeTokenUnsupportedTokenTypeExceptionAsObserved');
 * server.use(handlerForFixture(fixture));
 * ```
 * @public
 */
export function handlerForFixture(fixture: Fixture, options: FixtureHandlerOptions = {}): HttpHandler {
  return http.post(`${regionalEndpoint(options.region ?? 'us-east-1')}/`, async ({ request }) => {
    if (options.onRequest) options.onRequest(await captureRequest(request.clone(), 'intercepted'));
    return fixtureResponse(fixture.response);
  });
}
