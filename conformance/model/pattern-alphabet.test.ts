import { describe, expect, it } from 'vitest';
import { repeatedCharacterPattern } from './pattern-alphabet.ts';

const ascii = (from: string, to: string) =>
  Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(from.charCodeAt(0) + i));

describe('repeatedCharacterPattern', () => {
  it("finds the 66 characters of TokenModelType's class, reading the dash after a range as a literal", () => {
    const shape = repeatedCharacterPattern('^[A-Za-z0-9-_=.]+$');
    expect(shape?.minRepeat).toBe(1);
    expect([...(shape?.alphabet ?? [])].sort()).toEqual(['-', '.', '=', '_', ...ascii('0', '9'), ...ascii('A', 'Z'), ...ascii('a', 'z')].sort());
  });

  it('reads \\w as ECMAScript does: ASCII letters, digits and underscore, no accented letters', () => {
    const shape = repeatedCharacterPattern('^[\\w+]+$')!;
    expect(shape.alphabet).toHaveLength(64);
    expect(shape.allows('+')).toBe(true);
    expect(shape.allows('_')).toBe(true);
    expect(shape.allows('é')).toBe(false);
    expect(shape.allows('=')).toBe(false);
  });

  it('accepts class escapes and * as well', () => {
    expect(repeatedCharacterPattern('^\\d*$')).toMatchObject({ minRepeat: 0, alphabet: ascii('0', '9') });
  });

  it.each(['[a-z]+', '^[a-z]+', '^[a-z]{2,4}$', '^(ab|c)+$', '^a[b]+$', '^[a-z]+$|^x$'])('says nothing about %s, which has another form', (pattern) => {
    expect(repeatedCharacterPattern(pattern)).toBeUndefined();
  });
});
