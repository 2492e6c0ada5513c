import { describe, expect, it } from 'vitest';
import { expectedMessage, expectedOutcome, preferredRefusal } from './outcome.ts';
import { answer, observe, verdictOf } from './test-support.ts';

const refused = { kind: 'refused', rule: 'S6', level: 'must', prefer: { rule: 'S7', types: ['InvalidParameterException'] } } as const;

describe('the expected outcome', () => {
  it('is judged under the rule the case names', () => {
    const verdict = verdictOf(expectedOutcome, observe(answer({ body: {} }), { expected: refused }));
    expect(verdict).toMatchObject({ check: 'S6', level: 'must', status: 'fail', expected: 'a 4xx refusal' });
    expect(verdict?.actual).toContain('accepted a request it must refuse');
  });

  it("calls a 5xx for a refusal a server error for the caller's mistake", () => {
    expect(verdictOf(expectedOutcome, observe(answer({ status: 500, body: { __type: 'InternalErrorException' } }), { expected: refused }))?.actual).toContain(
      "server error for the caller's mistake",
    );
  });

  it('fails a refusal with a type the case forbids', () => {
    const emptyBody = { kind: 'refused', rule: 'S3', level: 'must', forbidden: { types: ['SerializationException'], why: 'read as unreadable' } } as const;
    expect(verdictOf(expectedOutcome, observe(answer({ status: 400, body: { __type: 'SerializationException' } }), { expected: emptyBody }))?.status).toBe(
      'fail',
    );
    expect(verdictOf(expectedOutcome, observe(answer({ status: 400, body: { __type: 'InvalidParameterException' } }), { expected: emptyBody }))?.status).toBe(
      'pass',
    );
  });

  it('checks a named error by name, and its message at should level', () => {
    const expected = {
      kind: 'error',
      rule: 'R3',
      level: 'must',
      error: 'NotAuthorizedException',
      message: { rule: 'R3', pattern: /has been revoked/, text: 'revoked' },
    } as const;
    const right = observe(answer({ status: 400, body: { __type: 'NotAuthorizedException', message: 'Access Token has been revoked' } }), {
      expected,
      operation: 'GetUser',
    });
    expect(verdictOf(expectedOutcome, right)?.status).toBe('pass');
    expect(verdictOf(expectedMessage, right)).toMatchObject({ check: 'R3', level: 'should', status: 'pass' });
    const otherMessage = observe(answer({ status: 400, body: { __type: 'NotAuthorizedException', message: 'User not authorized' } }), {
      expected,
      operation: 'GetUser',
    });
    expect(verdictOf(expectedMessage, otherMessage)?.status).toBe('fail');
    expect(verdictOf(expectedOutcome, observe(answer({ body: {} }), { expected, operation: 'GetUser' }))?.status).toBe('fail');
  });

  it('judges nothing about the outcome where nothing is expected', () => {
    expect(verdictOf(expectedOutcome, observe(answer({ status: 500 })))).toBeUndefined();
  });

  it('states the preferred refusal at should level', () => {
    const verdict = verdictOf(preferredRefusal, observe(answer({ status: 400, body: { __type: 'UnauthorizedException' } }), { expected: refused }));
    expect(verdict).toMatchObject({ check: 'S7', level: 'should', status: 'fail', expected: 'InvalidParameterException' });
  });
});
