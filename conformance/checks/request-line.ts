import { fail, pass } from '../judging/check.ts';
import { endpointBasePath } from '../protocol/aws-json.ts';
import { type ClientCheck, everyRequest, hasRequests } from './check.ts';

export const c01MethodPost: ClientCheck = {
  name: 'c01MethodPost',
  rules: ['C1'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => (r.method === 'POST' ? pass : fail('POST', r.method))),
};

/**
 * C2: the request posts to the endpoint's own path followed by `/`, with no query: `/` for a
 * bare host, `/custom-path/` for `https://example.com/custom-path` (Smithy's
 * AwsJson11HostWithPath). It decides one thing, what comes after the endpoint's path:
 * - whether the request kept the endpoint's path at all is where it went, rule A7's to judge: a
 *   request whose path does not start with it passes here, so one fault fails one rule;
 * - a request that stops at a base path without the `/` (`/custom-path`) passes here too: the
 *   real service has no base path, and the appended `/` is Smithy's compliance test, judged at
 *   its own level by the fixture that pins Smithy's endpoint (RevokeTokenRequestEndpointWithPath, F1).
 */
export const c02PathRoot: ClientCheck = {
  name: 'c02PathRoot',
  rules: ['C2'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r, o) => {
    const url = new URL(r.url);
    const base = o.endpoint === undefined ? '' : endpointBasePath(o.endpoint);
    const rest = url.pathname === base || url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : undefined;
    if (rest === undefined || (base !== '' && rest === '' && url.search === '')) return pass;
    const actual = `${rest}${url.search}`;
    return actual === '/' ? pass : fail(base === '' ? '/' : `/ after the endpoint's path ${base}`, base === '' ? actual : `${url.pathname}${url.search}`);
  }),
};
