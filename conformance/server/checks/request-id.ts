import { fail, pass } from '../../judging/check.ts';
import { answeredRevokeToken, type ServerCheck } from './server-check.ts';

/** The headers clients read a request id from, in the order the v3 SDK tries them. */
export const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id'] as const;

/**
 * S14 (must): every answer, success or error, carries a request id, so that a failure a
 * client reports can be found in the server's logs.
 * @internal
 */
export const s14RequestId: ServerCheck = {
  name: 's14RequestId',
  rules: ['S14'],
  level: () => 'must',
  appliesTo: answeredRevokeToken,
  evaluate(o) {
    const headers = o.exchange.response!.headers;
    return REQUEST_ID_HEADERS.some((name) => (headers[name] ?? '').trim() !== '') ? pass : fail('an x-amzn-RequestId header', '(no request id header)');
  },
};
