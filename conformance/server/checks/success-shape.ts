import { fail, pass } from '../../judging/check.ts';
import { AWS_JSON_1_1_CONTENT_TYPE as AWS_JSON_1_1 } from '../../protocol/aws-json.ts';
import { isJsonObject, jsonBodyOf, mediaTypeOf, snippet } from '../wire/exchange.ts';
import { successBodyProblems } from './declared-errors.ts';
import { answeredRevokeToken, isSuccess, type ServerCheck } from './server-check.ts';

/** @internal */

/**
 * S8 (must): a success carries the protocol's Content-Type, and its body, when there is one,
 * is a JSON object valid against RevokeTokenResponse. An empty body is the should-level part
 * ({@link s8SuccessObject}): the spec text allows it, the compliance tests expect `{}`, and the
 * real service is documented as sending an empty body.
 * @internal
 */
export const s8SuccessShape: ServerCheck = {
  name: 's8SuccessShape',
  rules: ['S8'],
  level: () => 'must',
  appliesTo: (o) => answeredRevokeToken(o) && isSuccess(o.exchange.response!.status),
  evaluate(o) {
    const response = o.exchange.response!;
    const contentType = response.headers['content-type'];
    if (mediaTypeOf(contentType) !== AWS_JSON_1_1)
      return fail(`Content-Type: ${AWS_JSON_1_1}`, contentType === undefined ? '(no Content-Type)' : `Content-Type: ${contentType}`);
    const body = jsonBodyOf(response);
    if (body.kind === 'empty') return pass;
    if (body.kind === 'invalid') return fail('a JSON object body (or none)', `not JSON: ${snippet(response.text)}`);
    const problems = successBodyProblems(body.value);
    return problems.length === 0 ? pass : fail('a body valid against RevokeTokenResponse', problems.join('; '));
  },
};

/** S8 (should): 200 exactly, and `{}` rather than an empty body. @internal */
export const s8SuccessObject: ServerCheck = {
  name: 's8SuccessObject',
  rules: ['S8'],
  aspect: 'answers success with status 200 and a JSON object ({}), not an empty body',
  level: () => 'should',
  appliesTo: (o) => answeredRevokeToken(o) && isSuccess(o.exchange.response!.status),
  evaluate(o) {
    const response = o.exchange.response!;
    if (response.status !== 200) return fail('status 200', `status ${response.status}`);
    return jsonBodyOf(response).kind === 'empty' ? fail('body {}', '(empty body)') : pass;
  },
};

/** S9 (should): no top-level member of a JSON answer is null. @internal */
export const s9NoNulls: ServerCheck = {
  name: 's9NoNulls',
  rules: ['S9'],
  level: () => 'should',
  appliesTo: answeredRevokeToken,
  evaluate(o) {
    const body = jsonBodyOf(o.exchange.response!);
    if (body.kind !== 'json' || !isJsonObject(body.value)) return pass;
    const nulls = Object.entries(body.value)
      .filter(([, value]) => value === null)
      .map(([name]) => name);
    return nulls.length === 0 ? pass : fail('no null members', `null: ${nulls.join(', ')}`);
  },
};
