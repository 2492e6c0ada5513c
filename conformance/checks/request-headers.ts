import { fail, pass } from '../judging/check.ts';
import { AWS_JSON_1_1_CONTENT_TYPE as CONTENT_TYPE, SIGNING_HEADERS, REVOKE_TOKEN_TARGET as TARGET } from '../protocol/aws-json.ts';
import { type ClientCheck, everyRequest, hasRequests } from './check.ts';

export const c03ContentType: ClientCheck = {
  name: 'c03ContentType',
  rules: ['C3'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => {
    const value = r.headers['content-type'];
    return value === CONTENT_TYPE ? pass : fail(CONTENT_TYPE, value === undefined ? '(no Content-Type)' : value);
  }),
};

export const c04Target: ClientCheck = {
  name: 'c04Target',
  rules: ['C4'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => {
    const value = r.headers['x-amz-target'];
    return value === TARGET ? pass : fail(`X-Amz-Target: ${TARGET}`, value === undefined ? '(no X-Amz-Target)' : `X-Amz-Target: ${value}`);
  }),
};

export const c05ContentLength: ClientCheck = {
  name: 'c05ContentLength',
  rules: ['C5'],
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => {
    const value = r.headers['content-length'];
    if (value === undefined) {
      // In-process, the header is often added below the layer we see (Node's http or undici);
      // only a real socket shows for certain that it is missing.
      return r.transport === 'loopback' ? fail(`Content-Length: ${r.bodyBytes}`, '(no Content-Length)') : pass;
    }
    return Number(value) === r.bodyBytes ? pass : fail(`Content-Length: ${r.bodyBytes}`, `Content-Length: ${value}`);
  }),
};

export const c06Unsigned: ClientCheck = {
  name: 'c06Unsigned',
  rules: ['C6'],
  level: () => 'must',
  // Clients built against the model before 2023-08 signed the call, and the service took it.
  appliesTo: (o) => hasRequests(o) && o.unsignedRequired !== false,
  evaluate: everyRequest((r) => {
    const present = SIGNING_HEADERS.filter((name) => r.headers[name] !== undefined);
    return present.length === 0 ? pass : fail('no signing headers', present.join(', '));
  }),
};
