import { describe, expect, it } from 'vitest';
import { DIFFERENCE_WINDOW_CHARS, firstDifference, LONG_VALUE_CHARS, showDifference } from './long-values.ts';

describe('showDifference', () => {
  it('shows a cut token as lengths, the first difference and a window, never whole', () => {
    const token = `${'a'.repeat(2048)}${'b'.repeat(16384 - 2048)}`;
    const shown = showDifference(`Token: "${token}"`, `Token: "${token.slice(0, 2048)}"`);
    expect(shown.expected).toMatch(/^\(16393 characters, first difference at character 2056\) …a+b+…$/);
    expect(shown.actual).toMatch(/^\(2057 characters, first difference at character 2056\) …a+"$/);
    expect(shown.expected!.length).toBeLessThan(2 * DIFFERENCE_WINDOW_CHARS + 80);
  });

  it('keeps short values whole', () => {
    expect(showDifference('member ClientId', 'no ClientId in ["Token"]')).toEqual({ expected: 'member ClientId', actual: 'no ClientId in ["Token"]' });
    expect(showDifference(undefined, 'x')).toEqual({ actual: 'x' });
  });

  it('shows the beginning of a long message judged against a short description', () => {
    const message = `400 InvalidParameterException: ${'m'.repeat(5000)}`;
    const shown = showDifference('a 2xx answer', message);
    expect(shown.expected).toBe('a 2xx answer');
    expect(shown.actual).toBe(`${message.slice(0, LONG_VALUE_CHARS)}…(${message.length} characters in all)`);
  });

  it('finds the first difference', () => {
    expect(firstDifference('abc', 'abd')).toBe(2);
    expect(firstDifference('abc', 'abc')).toBe(-1);
    expect(firstDifference('abc', 'ab')).toBe(2);
  });
});
