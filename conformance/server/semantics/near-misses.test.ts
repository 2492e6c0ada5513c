import { describe, expect, it } from 'vitest';
import { caseFlipped, oneCharacterOff } from './near-misses.ts';

describe('near misses', () => {
  it('flips the case of every letter and keeps the length', () => {
    expect(caseFlipped('abC1_d')).toBe('ABc1_D');
  });

  it('changes exactly one character, in the middle, within the alphabet', () => {
    const value = 'abcdefAhij';
    const off = oneCharacterOff(value);
    expect(off).toHaveLength(value.length);
    expect([...off].filter((c, i) => c !== value[i])).toHaveLength(1);
    expect(oneCharacterOff('xxAxx')).toBe('xxBxx');
  });
});
