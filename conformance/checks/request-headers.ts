import { AWS_JSON_1_1_CONTENT_TYPE as CONTENT_TYPE, REVOKE_TOKEN_TARGET as TARGET, SIGNING_HEADERS } from '../protocol/aws-json.ts';
import { everyRequest, fail, hasRequests, pass, type Check } from './check.ts';

export const c03ContentType: Check = {
  id: 'C3',
  title: `sends Content-Type: ${CONTENT_TYPE}`,
  source: 'aws-json-1_1-protocol.rst; Smithy test includes_x_amz_target_and_content_type',
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => {
    const value = r.headers['content-type'];
    return value === CONTENT_TYPE ? pass : fail(CONTENT_TYPE, value === undefined ? '(no Content-Type)' : value);
  }),
};

export const c04Target: Check = {
  id: 'C4',
  title: `sends X-Amz-Target: ${TARGET}`,
  source: 'awsJson1_1 headers table: service shape name + "." + operation name',
  level: () => 'must',
  appliesTo: hasRequests,
  evaluate: everyRequest((r) => {
    const value = r.headers['x-amz-target'];
    return value === TARGET ? pass : fail(TARGET, value === undefined ? '(no X-Amz-Target)' : value);
  }),
};

export const c05ContentLength: Check = {
  id: 'C5',
  title: 'sends a Content-Length equal to the body size',
  source: 'awsJson1_1 headers table; Smithy kitchen-sink requireHeaders ["Content-Length"]',
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

export const c06Unsigned: Check = {
  id: 'C6',
  title: 'sends the request unsigned (no SigV4 headers)',
  source: 'model: RevokeToken has @auth([]) and @optionalAuth; botocore authtype none',
  level: () => 'must',
  // Clients built against the model before 2023-08 signed the call, and the service took it.
  appliesTo: (o) => hasRequests(o) && o.unsignedRequired !== false,
  evaluate: everyRequest((r) => {
    const present = SIGNING_HEADERS.filter((name) => r.headers[name] !== undefined);
    return present.length === 0 ? pass : fail('no signing headers', present.join(', '));
  }),
};
