import { type HttpHandler, http } from 'msw';
import type { ReferenceService } from './reference-service.ts';

/** @public */
export interface ReferenceHandlersOptions {
  /** The region whose endpoint the handlers answer for. Defaults to the service's region. */
  region?: string;
}

/**
 * msw handlers that route Cognito's regional endpoint to a reference service, for use in an
 * app's own `setupServer(...)`:
 * - `POST https://cognito-idp.<region>.amazonaws.com/` carries every operation;
 * - any other method or path on that host is answered by the service too, with the framework
 *   error a real awsJson server would send (404 or 405), rather than left unhandled.
 * @public
 */
export function referenceHandlers(service: ReferenceService, options: ReferenceHandlersOptions = {}): HttpHandler[] {
  const origin = `https://cognito-idp.${options.region ?? service.region}.amazonaws.com`;
  return [http.post(`${origin}/`, ({ request }) => service.handle(request)), http.all(`${origin}/*`, ({ request }) => service.handle(request))];
}
