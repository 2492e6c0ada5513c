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
  evaluate: everyRequest((r) => {
    const url = new URL(r.url);
    const actual = `${url.pathname}${url.search}`;
    return actual === '/' ? pass : fail('/', actual);
  }),
};
