import { describe, expect, it } from 'vitest';
import { caseFlipped, neverIssuedRefreshToken, oneCharacterOff, withAlteredSignature } from './near-miss-values.ts';

describe('near-miss values', () => {
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

  it("alters one character of a JWT's signature and leaves its header and claims as they were", () => {
    const jwt = 'aGVhZGVy.Y2xhaW1z.c2lnbmF0dXJlc2lnbmF0dXJl';
    const altered = withAlteredSignature(jwt);
    const [header, claims, signature] = altered.split('.');
    expect([header, claims]).toEqual(['aGVhZGVy', 'Y2xhaW1z']);
    expect(Buffer.from(signature!, 'base64url')).not.toEqual(Buffer.from('c2lnbmF0dXJlc2lnbmF0dXJl', 'base64url'));
    expect(signature).toHaveLength('c2lnbmF0dXJlc2lnbmF0dXJl'.length);
  });

  it('makes a five-part token of the refresh token alphabet, a new one each time', () => {
    const token = neverIssuedRefreshToken();
    expect(token.split('.')).toHaveLength(5);
    expect(token).toMatch(/^[A-Za-z0-9-_=.]+$/);
    expect(neverIssuedRefreshToken()).not.toBe(token);
  });
});
