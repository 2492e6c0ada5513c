import { describe, expect, it } from 'vitest';
import { pattern } from './shape.ts';

describe('pattern', () => {
  it('anchors the model text and keeps it for messages', () => {
    const clientId = pattern('[\\w+]+');
    expect(clientId.text).toBe('[\\w+]+');
    expect(clientId.regex.test('abc_123+')).toBe(true);
    expect(clientId.regex.test('abc-123')).toBe(false);
    expect(clientId.regex.test('ok\nnot')).toBe(false);
  });

  it('compiles Unicode property classes', () => {
    const username = pattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+');
    expect(username.regex.test('j\u00fcrgen.m\u00fcller@example.com')).toBe(true);
    expect(username.regex.test('two words')).toBe(false);
  });

  it('keeps alternations inside the anchors', () => {
    const either = pattern('a|b');
    expect(either.regex.test('ab')).toBe(false);
    expect(either.regex.test('b')).toBe(true);
  });
});
