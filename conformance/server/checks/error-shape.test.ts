import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validErrorEnvelope } from '../../model/arbitraries.ts';
import { DECLARED_ERRORS, ROUTING_ERRORS } from './declared-errors.ts';
import { s10BareName, s10ErrorShape, s11SourcesAgree, s12ExactStatus, s12StatusClass } from './error-shape.ts';
import { answer, observe, verdictOf } from './test-support.ts';

const refusedByRouting = { kind: 'refused', rule: 'S1', level: 'must', protocolErrors: ROUTING_ERRORS } as const;

describe('S10: error answers', () => {
  it('passes every error body the model describes, with the modeled status (S12 too)', () => {
    fc.assert(
      fc.property(validErrorEnvelope(), (envelope) => {
        const status = DECLARED_ERRORS.get(envelope.__type)!.status;
        const o = observe(answer({ status, body: envelope }));
        for (const check of [s10ErrorShape, s10BareName, s12StatusClass, s12ExactStatus]) expect(verdictOf(check, o)?.status).toBe('pass');
      }),
    );
  });

  it('lists every problem: Content-Type, an undeclared __type', () => {
    const verdict = verdictOf(
      s10ErrorShape,
      observe(
        answer({ status: 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { __type: 'NotAuthorizedException', message: 'x' } }),
      ),
    );
    expect(verdict?.status).toBe('fail');
    expect(verdict?.actual).toContain('Content-Type: application/json; charset=utf-8');
    expect(verdict?.actual).toContain('__type "NotAuthorizedException", which RevokeToken does not declare');
  });

  it('fails HTML, an empty body, a missing __type and a body the error schema rejects', () => {
    const fails = (spec: Parameters<typeof answer>[0]) => verdictOf(s10ErrorShape, observe(answer(spec)))?.status;
    expect(fails({ status: 500, headers: { 'content-type': 'text/html' }, body: '<html></html>' })).toBe('fail');
    expect(fails({ status: 400, body: '' })).toBe('fail');
    expect(fails({ status: 400, body: { message: 'no type' } })).toBe('fail');
    expect(fails({ status: 400, body: { __type: 'UnauthorizedException', message: 5 } })).toBe('fail');
  });

  it('allows a framework error only where the case allows one, in the body or the header alone', () => {
    const unknownOperation = { status: 404, body: { __type: 'UnknownOperationException', message: 'x' } };
    expect(verdictOf(s10ErrorShape, observe(answer(unknownOperation)))?.status).toBe('fail');
    expect(verdictOf(s10ErrorShape, observe(answer(unknownOperation), { expected: refusedByRouting }))?.status).toBe('pass');
    const headerOnly = answer({ status: 404, headers: { 'x-amzn-errortype': 'UnknownOperationException' }, body: '' });
    expect(verdictOf(s10ErrorShape, observe(headerOnly, { expected: refusedByRouting }))?.status).toBe('pass');
  });

  it('wants the bare shape name at should level', () => {
    const namespaced = observe(answer({ status: 400, body: { __type: 'com.amazonaws.cognitoidentityprovider#UnsupportedTokenTypeException' } }));
    expect(verdictOf(s10ErrorShape, namespaced)?.status).toBe('pass');
    expect(verdictOf(s10BareName, namespaced)).toMatchObject({ status: 'fail', level: 'should' });
  });
});

describe('S11: every place that names the error agrees', () => {
  it('fails a header that disagrees with __type, and passes the trailing colon Cognito sends', () => {
    const body = { __type: 'UnauthorizedException' };
    expect(verdictOf(s11SourcesAgree, observe(answer({ status: 401, headers: { 'x-amzn-errortype': 'UnauthorizedException:' }, body })))?.status).toBe('pass');
    expect(verdictOf(s11SourcesAgree, observe(answer({ status: 401, headers: { 'x-amzn-errortype': 'ForbiddenException' }, body })))?.status).toBe('fail');
    expect(verdictOf(s11SourcesAgree, observe(answer({ status: 401, body: { ...body, code: 'Other' } })))?.status).toBe('fail');
  });
});

describe('S12: status codes', () => {
  it('fails a client fault sent as 5xx, and a server fault sent as 4xx', () => {
    expect(verdictOf(s12StatusClass, observe(answer({ status: 500, body: { __type: 'InvalidParameterException' } })))?.status).toBe('fail');
    expect(verdictOf(s12StatusClass, observe(answer({ status: 400, body: { __type: 'InternalErrorException' } })))?.status).toBe('fail');
  });

  it('wants the modeled status at should level (UnauthorizedException is 401)', () => {
    const verdict = verdictOf(s12ExactStatus, observe(answer({ status: 400, body: { __type: 'UnauthorizedException' } })));
    expect(verdict).toMatchObject({ status: 'fail', level: 'should', expected: 'status 401 for UnauthorizedException' });
  });
});
