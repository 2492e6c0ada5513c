import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { s8SuccessObject, s8SuccessShape, s9NoNulls } from './success-shape.ts';
import { answer, observe, verdictOf } from './test-support.ts';

describe('S8: success answers', () => {
  it('passes {} and objects with members the model does not have', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== '__proto__'),
          fc.jsonValue({ maxDepth: 1 }).filter((v) => v !== null),
        ),
        (extra) => {
          expect(verdictOf(s8SuccessShape, observe(answer({ body: extra })))?.status).toBe('pass');
        },
      ),
    );
  });

  it('fails another Content-Type, a body that is not a JSON object, and (at should level) an empty body', () => {
    expect(verdictOf(s8SuccessShape, observe(answer({ body: {}, headers: { 'content-type': 'application/json' } })))).toMatchObject({
      status: 'fail',
      actual: 'Content-Type: application/json',
    });
    expect(verdictOf(s8SuccessShape, observe(answer({ body: [] })))).toMatchObject({ status: 'fail', level: 'must' });
    expect(verdictOf(s8SuccessShape, observe(answer({ body: 'OK' })))).toMatchObject({ status: 'fail', actual: 'not JSON: OK' });
    expect(verdictOf(s8SuccessShape, observe(answer({ body: '' })))?.status).toBe('pass');
    expect(verdictOf(s8SuccessObject, observe(answer({ body: '' })))).toMatchObject({ status: 'fail', level: 'should', actual: '(empty body)' });
    expect(verdictOf(s8SuccessObject, observe(answer({ status: 204, body: {} })))).toMatchObject({ status: 'fail', actual: 'status 204' });
  });

  it('judges only RevokeToken answers', () => {
    expect(verdictOf(s8SuccessShape, observe(answer({ body: [] }), { operation: 'GetUser' }))).toBeUndefined();
  });
});

describe('S9: no null members', () => {
  it('names the members that are null', () => {
    expect(verdictOf(s9NoNulls, observe(answer({ status: 400, body: { __type: 'UnauthorizedException', message: null } })))).toMatchObject({
      status: 'fail',
      actual: 'null: message',
    });
  });
});
