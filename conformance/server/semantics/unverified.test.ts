import { describe, expect, it } from 'vitest';
import { agreesWith, DEFAULT_UNVERIFIED, parseUnverifiedExpectation, resolveUnverified } from './unverified.ts';

describe('unverified expectations', () => {
  it("default to the reference server's choices and take overrides", () => {
    expect(resolveUnverified()).toEqual(DEFAULT_UNVERIFIED);
    expect(resolveUnverified({ unknownToken: { error: 'UnauthorizedException' } }).unknownToken).toEqual({ error: 'UnauthorizedException' });
  });

  it('only name errors RevokeToken declares', () => {
    expect(() => resolveUnverified({ alreadyRevokedToken: { error: 'NotAuthorizedException' as never } })).toThrow(/declares/);
    expect(() => parseUnverifiedExpectation('NotAuthorizedException')).toThrow(/expected succeed, any, or one of/);
    expect(parseUnverifiedExpectation('UnsupportedTokenTypeException')).toEqual({ error: 'UnsupportedTokenTypeException' });
  });

  it('compare an observed outcome with the configured one', () => {
    expect(agreesWith('succeed', 200, undefined)).toBe(true);
    expect(agreesWith('succeed', 400, 'UnauthorizedException')).toBe(false);
    expect(agreesWith({ error: 'UnauthorizedException' }, 401, 'UnauthorizedException')).toBe(true);
    expect(agreesWith('any', 500, undefined)).toBe(true);
  });
});
