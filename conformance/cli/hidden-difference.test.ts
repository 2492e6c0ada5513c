import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import { hiddenDifferenceHint } from './hidden-difference.ts';

const verdict = (expected: string, actual: string): Verdict => ({ check: 'C8', title: 't', level: 'must', status: 'fail', expected, actual });
const redacted = verdict('Token: "[redacted]"', 'Token: "[redacted]"');

describe('hiddenDifferenceHint', () => {
  it('says where two values that redaction made look alike differ, and how to see them', () => {
    expect(hiddenDifferenceHint(verdict('Token: "fake-token-1"', 'Token: "fake-token-2"'), redacted)).toBe(
      'Token: the values differ at character 12; run with --no-redact to see them',
    );
  });

  it('says when one value is a cut copy of the other', () => {
    expect(hiddenDifferenceHint(verdict('Token: "fake-token-1"', 'Token: "fake-tok"'), redacted)).toBe(
      'Token: the values differ at character 9, where one of them ends; run with --no-redact to see them',
    );
  });

  it('gives no hint when the difference shows, or when there is none', () => {
    expect(hiddenDifferenceHint(verdict('Token: "a"', 'Token: "b"'), verdict('Token: "a"', 'Token: "b"'))).toBeUndefined();
    expect(hiddenDifferenceHint(verdict('Token: "a"', 'Token: "a"'), redacted)).toBeUndefined();
  });

  it('falls back to the texts when a side is not a member and a value', () => {
    expect(hiddenDifferenceHint(verdict('secret-one', 'secret-two'), verdict('[redacted]', '[redacted]'))).toBe(
      'the values differ at character 8; run with --no-redact to see them',
    );
  });
});
