import { fail, pass } from '../judging/check.ts';
import { type ClientCheck, everyRequest, hasRequests } from './check.ts';

export const c01MethodPost: ClientCheck = {
  name: 'c01MethodPost',
  rules: ['C1'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => (r.method === 'POST' ? pass : fail('POST', r.method))),
};

export const c02PathRoot: ClientCheck = {
  name: 'c02PathRoot',
  rules: ['C2'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r, o) => {
    const url = new URL(r.url);
    if (o.endpoint !== undefined) {
      // An endpoint with a path: the request goes to that path with a slash after it (Smithy's
      // AwsJson11HostWithPath), on the endpoint's own scheme, host and port.
      const expected = endpointTarget(o.endpoint);
      const actual = `${url.origin}${url.pathname}${url.search}`;
      return actual === expected ? pass : fail(expected, `sent to ${actual}`);
    }
    const actual = `${url.pathname}${url.search}`;
    return actual === '/' ? pass : fail('/', actual);
  }),
};

/** Where a request for `endpoint` goes: its origin and path, with a slash after the path. */
export function endpointTarget(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.origin}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`;
}
