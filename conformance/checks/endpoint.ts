import { fail, pass } from '../judging/check.ts';
import { endpointBasePath, requestUrlFor } from '../protocol/aws-json.ts';
import { type ClientCheck, everyRequest, hasRequests } from './check.ts';

/**
 * A7: every request goes to the endpoint the call was given: its scheme, host and port, and
 * under its path. A client that rebuilds the host from the region, drops the port or the
 * path, or forces https sends its user's calls somewhere else. What comes after the endpoint's
 * path is C2's to judge. One line names both places.
 */
export const a7Endpoint: ClientCheck = {
  name: 'a7Endpoint',
  rules: ['A7'],
  level: () => 'must',
  appliesTo: (o) => o.endpoint !== undefined && hasRequests(o),
  evaluate: everyRequest((r, o) => {
    const endpoint = o.endpoint!;
    const expected = requestUrlFor(endpoint);
    const given = new URL(endpoint);
    const sent = new URL(r.url);
    const base = endpointBasePath(endpoint);
    const underBase = sent.pathname === base || sent.pathname.startsWith(`${base}/`);
    if (sent.origin === given.origin && underBase) return pass;
    return fail(expected, `sent to ${sent.origin}${sent.pathname}`);
  }),
};
