import { describe, expect, it } from 'vitest';
import { h1Answered } from './answered.ts';
import { observe, verdictOf } from './test-support.ts';

describe('H1: an answer arrived', () => {
  it('fails with the reason when none did', () => {
    expect(verdictOf(h1Answered, observe('timeout'))).toMatchObject({ status: 'fail', expected: 'an answer within 50 ms', actual: 'no answer within 50 ms' });
  });
});
