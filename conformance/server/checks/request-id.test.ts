import { describe, expect, it } from 'vitest';
import { s14RequestId } from './request-id.ts';
import { answer, observe, verdictOf } from './test-support.ts';

describe('S14: request id', () => {
  it('accepts any of the headers clients read, and fails none', () => {
    for (const name of ['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id']) {
      expect(verdictOf(s14RequestId, observe(answer({ headers: { 'x-amzn-requestid': '', [name]: 'id' }, body: {} })))?.status).toBe('pass');
    }
    expect(verdictOf(s14RequestId, observe(answer({ headers: { 'x-amzn-requestid': '' }, body: {} })))?.status).toBe('fail');
  });
});
