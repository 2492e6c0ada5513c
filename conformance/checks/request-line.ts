import { everyRequest, fail, hasRequests, pass, type Check } from './check.ts';

export const c01MethodPost: Check = {
  id: 'C1',
  title: 'sends RevokeToken as an HTTP POST',
  source: 'awsJson1_1 protocol behaviours; Smithy test sends_requests_to_slash',
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => (r.method === 'POST' ? pass : fail('POST', r.method))),
};

export const c02PathRoot: Check = {
  id: 'C2',
  title: 'posts to the path / with no query string',
  source: 'awsJson1_1 protocol behaviours; Smithy test AwsJson11HostWithPath',
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => {
    const url = new URL(r.url);
    const actual = `${url.pathname}${url.search}`;
    return actual === '/' ? pass : fail('/', actual);
  }),
};
