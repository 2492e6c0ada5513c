import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeErrorCode } from '../../protocol/aws-json.ts';
import { describeAnswer, resolveErrorType } from './error-type.ts';
import { answer } from './test-support.ts';

const name = fc.stringMatching(/^[A-Z][A-Za-z]{0,30}$/);

describe('sanitizeErrorCode', () => {
  it('keeps the shape name of every form the awsJson rules allow', () => {
    fc.assert(
      fc.property(name, fc.stringMatching(/^[a-z][a-z0-9.]{0,20}$/), fc.webUrl(), (shape, namespace, uri) => {
        for (const raw of [shape, `${shape}:${uri}`, `${namespace}#${shape}`, `${namespace}#${shape}:${uri}`]) expect(sanitizeErrorCode(raw)).toBe(shape);
      }),
    );
  });
});

describe('resolveErrorType', () => {
  it('takes the header first, then code, then __type, as clients do', () => {
    const all = answer({ status: 400, headers: { 'x-amzn-errortype': 'A:' }, body: { code: 'B', __type: 'C' } });
    expect(resolveErrorType(all)).toMatchObject({ name: 'A', from: 'header' });
    expect(resolveErrorType(answer({ status: 400, body: { code: 'ns#B', __type: 'C' } }))).toMatchObject({ name: 'B', from: 'code' });
    expect(resolveErrorType(answer({ status: 400, body: { __type: 'ns#C' } }))).toMatchObject({ name: 'C', raw: 'ns#C', from: '__type' });
  });

  it('ignores a __type nested inside a member', () => {
    expect(resolveErrorType(answer({ status: 400, body: { details: { __type: 'Nested' } } }))).toBeUndefined();
  });
});

describe('describeAnswer', () => {
  it('says a 2xx was accepted and names an error with its message', () => {
    expect(describeAnswer(answer({ body: {} }))).toBe('200 (accepted)');
    expect(describeAnswer(answer({ status: 401, body: { __type: 'UnauthorizedException', message: 'no' } }))).toBe('401 UnauthorizedException: "no"');
    expect(describeAnswer(answer({ status: 502, body: '<html>' }))).toBe('502 (no error type)');
  });
});
