import type { HttpHandler } from 'msw';
import type { Fixture } from '../fixtures/types.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import { type ConformanceServiceOptions, createConformanceService, type HandlerOptions, type JudgedRequest } from './conformance-service.ts';

/** @public */
export interface FixtureHandlerOptions extends HandlerOptions {
  /** The region the client under test is configured for; default us-east-1. */
  region?: string;
  /** Called with every request the handler answers (to assert on it in your own test). */
  onRequest?: (request: CapturedRequest) => void;
  /** Called with every request and the suite's verdicts on it. */
  onJudged?: (judged: JudgedRequest) => void;
  /** Answer a request that breaks a must rule with a 400 naming the rule (see createConformanceService). */
  refuseNonConforming?: boolean;
}

/**
 * An msw handler that answers RevokeToken calls to the regional endpoint exactly as the
 * fixture says, and judges each request as the suite does, for use in your own tests:
 *
 * ```ts
 * const [fixture] = (await loadFixtures()).filter((f) => f.id === 'RevokeTokenUnsupportedTokenTypeExceptionAsObserved');
 * server.use(handlerForFixture(fixture, { refuseNonConforming: true }));
 * ```
 *
 * For the verdicts of many requests, use createConformanceService.
 * @public
 */
export function handlerForFixture(fixture: Fixture, options: FixtureHandlerOptions = {}): HttpHandler {
  const serviceOptions: ConformanceServiceOptions = {
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.refuseNonConforming !== undefined ? { refuseNonConforming: options.refuseNonConforming } : {}),
    onRequest: (judged) => {
      options.onRequest?.(judged.request);
      options.onJudged?.(judged);
    },
  };
  return createConformanceService(serviceOptions).handlerFor(fixture, options.params !== undefined ? { params: options.params } : {});
}
