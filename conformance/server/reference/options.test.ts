import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNVERIFIED_BEHAVIOUR, resolveOptions } from './options.ts';

describe('resolveOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveOptions({});
    expect(resolved.region).toBe('us-east-1');
    expect(resolved.tokenLifetimes).toEqual({ accessSeconds: 3600, idSeconds: 3600, refreshSeconds: 2_592_000 });
    expect(resolved.malformedBodyError).toBe('SerializationException');
    expect(resolved.revokeToken).toEqual(DEFAULT_UNVERIFIED_BEHAVIOUR);
    expect(resolved.signingKey).toBeUndefined();
    expect(resolved.requestId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("defaults to RFC 7009-style success for unknown and already revoked tokens, and refuses another client's token", () => {
    expect(DEFAULT_UNVERIFIED_BEHAVIOUR).toEqual({
      alreadyRevokedToken: 'succeed',
      unknownToken: 'succeed',
      otherClientsToken: { error: 'UnauthorizedException' },
      unknownClient: { error: 'UnauthorizedException' },
      secretForPublicClient: 'ignore',
    });
  });

  it('overrides only what is given', () => {
    const resolved = resolveOptions({ revokeToken: { unknownToken: { error: 'InvalidParameterException' }, alreadyRevokedToken: undefined } });
    expect(resolved.revokeToken.unknownToken).toEqual({ error: 'InvalidParameterException' });
    expect(resolved.revokeToken.alreadyRevokedToken).toBe('succeed');
  });

  it('takes an RSA private key of at least 2048 bits and nothing else', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(resolveOptions({ signingKey: privateKey }).signingKey).toBe(privateKey);
    expect(() => resolveOptions({ signingKey: publicKey })).toThrow(/signingKey/);
    expect(() => resolveOptions({ signingKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey })).toThrow(/signingKey/);
  });

  it('rejects a bad region or token lifetime', () => {
    expect(() => resolveOptions({ region: 'nowhere' })).toThrow(RangeError);
    expect(() => resolveOptions({ tokenLifetimes: { accessSeconds: 0 } })).toThrow(RangeError);
  });
});
