// Property tests of the generated validators against values derived from the model: what the
// model allows passes, and what breaks one constraint fails with an issue naming exactly that
// member and constraint. numRuns stay modest so the file runs in a few seconds; raise them
// locally (or set a seed) when hunting.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { memberValueBreaking, requestBreakingOneConstraint, validErrorEnvelope, validMemberValue, validRequest } from '../conformance/model/arbitraries.ts';
import { revokeToken } from '../conformance/model/contract.ts';
import { jsonValueOf } from '../conformance/model/json-values.ts';
import { constraintsBrokenBy } from '../conformance/model/member-constraints.ts';
import {
  isErrorEnvelope,
  isRevokeTokenRequest,
  type ModeledErrorName,
  modeledErrors,
  type ValidationResult,
  validateErrorEnvelope,
  validateForbiddenExceptionBody,
  validateInternalErrorExceptionBody,
  validateInvalidParameterExceptionBody,
  validateOperationNotEnabledExceptionBody,
  validateRevokeTokenRequest,
  validateRevokeTokenResponse,
  validateTooManyRequestsExceptionBody,
  validateUnauthorizedExceptionBody,
  validateUnsupportedOperationExceptionBody,
  validateUnsupportedTokenTypeExceptionBody,
} from '../generated/index.ts';

const bodyValidators: Record<ModeledErrorName, (value: unknown) => ValidationResult<unknown>> = {
  ForbiddenException: validateForbiddenExceptionBody,
  InternalErrorException: validateInternalErrorExceptionBody,
  InvalidParameterException: validateInvalidParameterExceptionBody,
  OperationNotEnabledException: validateOperationNotEnabledExceptionBody,
  TooManyRequestsException: validateTooManyRequestsExceptionBody,
  UnauthorizedException: validateUnauthorizedExceptionBody,
  UnsupportedOperationException: validateUnsupportedOperationExceptionBody,
  UnsupportedTokenTypeException: validateUnsupportedTokenTypeExceptionBody,
};

const issuesOf = (result: ValidationResult<unknown>) => (result.ok ? [] : result.issues);

describe('RevokeTokenRequest', () => {
  test.prop([validRequest()], { numRuns: 200 })('accepts every request within the model constraints', (request) => {
    expect(validateRevokeTokenRequest(request)).toEqual({ ok: true, value: request });
    expect(isRevokeTokenRequest(request)).toBe(true);
  });

  test.prop([validRequest()], { numRuns: 100 })('accepts the request after a trip through JSON, as a server receives it', (request) => {
    expect(validateRevokeTokenRequest(JSON.parse(JSON.stringify(request))).ok).toBe(true);
  });

  test.prop([requestBreakingOneConstraint()], { numRuns: 300 })('rejects a request that breaks one constraint, naming that member and constraint', (broken) => {
    const result = validateRevokeTokenRequest(broken.value);
    expect(result.ok).toBe(false);
    expect(issuesOf(result).map(({ member, constraint }) => ({ member, constraint }))).toEqual([{ member: broken.member, constraint: broken.constraint }]);
    expect(issuesOf(result)[0]?.message.startsWith(`${broken.member}: `)).toBe(true);
    expect(isRevokeTokenRequest(broken.value)).toBe(false);
  });

  test.prop([requestBreakingOneConstraint()], { numRuns: 100 })('never repeats a sensitive value in its messages', (broken) => {
    const request = broken.value as Record<string, unknown>;
    for (const issue of issuesOf(validateRevokeTokenRequest(broken.value))) {
      for (const name of revokeToken.sensitiveMembers) {
        const secret = request?.[name];
        // Short values could occur in the message by chance ("a" in "must match").
        if (typeof secret === 'string' && secret.length >= 8) expect(issue.message).not.toContain(secret);
      }
    }
  });

  // Differential: the validator and an oracle written from the model's data agree on which
  // constraints any value of a member breaks, whether valid, broken or arbitrary JSON.
  for (const member of revokeToken.input.members) {
    const candidates = fc.oneof(
      validMemberValue(member, { maxUnboundedLength: 300 }),
      ...(['pattern', 'minLength', 'maxLength', 'enum'] as const).flatMap((c) => memberValueBreaking(member, c, { maxUnboundedLength: 300 }) ?? []),
      fc.string(),
      jsonValueOf(),
    );
    test.prop([validRequest({ maxUnboundedLength: 300 }), candidates], { numRuns: 150 })(
      `agrees with the model on every value of ${member.name}`,
      (request, value) => {
        const issues = issuesOf(validateRevokeTokenRequest({ ...request, [member.name]: value })).filter((i) => i.member === member.name);
        expect(issues.map((i) => i.constraint).sort()).toEqual(constraintsBrokenBy(member, value).sort());
      },
    );
  }
});

describe('RevokeTokenResponse', () => {
  test.prop([fc.dictionary(fc.string(), jsonValueOf())], { numRuns: 50 })('accepts {} and any members a newer service adds', (body) => {
    expect(validateRevokeTokenResponse({}).ok).toBe(true);
    expect(validateRevokeTokenResponse(body).ok).toBe(true);
  });
});

describe('error bodies', () => {
  test.prop([validErrorEnvelope()], { numRuns: 200 })('accepts every modeled error body, in the envelope and in its own schema', (body) => {
    expect(validateErrorEnvelope(body).ok).toBe(true);
    expect(isErrorEnvelope(body)).toBe(true);
    expect(bodyValidators[body.__type](body).ok).toBe(true);
  });

  test.prop([validErrorEnvelope(), fc.string().filter((s) => !modeledErrors.some((e) => e.name === s))], { numRuns: 100 })(
    'rejects an envelope whose __type is not the bare name of a modeled error',
    (body, type) => {
      for (const wrong of [type, `com.amazonaws.cognitoidentityprovider#${body.__type}`, `${body.__type}:http://internal.amazon.com/`]) {
        expect(issuesOf(validateErrorEnvelope({ ...body, __type: wrong })).map((i) => `${i.member} ${i.constraint}`)).toEqual(['__type enum']);
      }
    },
  );

  test.prop([validErrorEnvelope(), jsonValueOf('number', 'boolean', 'null', 'array', 'object')], { numRuns: 100 })(
    'rejects modeled members of the wrong JSON type',
    (body, value) => {
      const name = Object.keys(body).find((k) => k !== '__type') ?? 'message';
      expect(issuesOf(validateErrorEnvelope({ ...body, [name]: value })).map((i) => `${i.member} ${i.constraint}`)).toEqual([`${name} type`]);
    },
  );
});
