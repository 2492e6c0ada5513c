import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rs256Jwt } from './rs256-jwt.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString()) as Record<string, unknown>;

describe('Rs256Jwt', () => {
  it('signs a three-part JWS that verifies back to the same claims', () => {
    const jwt = new Rs256Jwt(privateKey);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (claims) => {
        const token = jwt.sign(claims);
        expect(token.split('.')).toHaveLength(3);
        expect(token).toMatch(/^[A-Za-z0-9-_=.]+$/);
        expect(jwt.verify(token)).toEqual(claims);
      }),
      { numRuns: 30 },
    );
  });

  it('is a standard RS256 JWS whose key id and public key are in its JWKS', async () => {
    const jwt = new Rs256Jwt(privateKey);
    const [header = '', payload = '', signature = ''] = jwt.sign({ sub: 'x' }).split('.');
    expect(decode(header)).toEqual({ kid: jwt.kid, alg: 'RS256' });
    const { keys } = jwt.jwks();
    expect(keys).toEqual([expect.objectContaining({ kid: jwt.kid, alg: 'RS256', kty: 'RSA', use: 'sig' })]);
    // The published key verifies the signature with nothing but WebCrypto: a resource server could do the same.
    const key = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: keys[0]?.n, e: keys[0]?.e }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, Buffer.from(signature, 'base64url'), Buffer.from(`${header}.${payload}`))).toBe(true);
    expect(publicKey.export({ format: 'jwk' }).n).toBe(keys[0]?.n);
  });

  it("refuses another instance's tokens even on the same key, edited tokens and junk", () => {
    const mine = new Rs256Jwt();
    const theirs = new Rs256Jwt();
    expect(mine.kid).not.toBe(theirs.kid);
    const token = mine.sign({ sub: 'x', token_use: 'access' });
    expect(theirs.verify(token)).toBeUndefined();
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from('{"sub":"y","token_use":"access"}').toString('base64url')}.${signature}`;
    expect(mine.verify(forged)).toBeUndefined();
    // Their token with my key id in its header: the signature covered their header, so it fails.
    const [, theirPayload, theirSignature] = theirs.sign({ sub: 'z' }).split('.');
    expect(mine.verify(`${header}.${theirPayload}.${theirSignature}`)).toBeUndefined();
    for (const junk of ['', 'a.b', 'a.b.c', `${token}.x`, `${header}.bm90IGpzb24.${signature}`]) expect(mine.verify(junk)).toBeUndefined();
  });

  it('refuses a payload that is valid JSON but not an object, even when correctly signed', () => {
    const jwt = new Rs256Jwt(privateKey);
    const header = jwt.sign({}).split('.')[0] ?? '';
    const payload = Buffer.from('[1]').toString('base64url');
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
    expect(jwt.verify(`${header}.${payload}.${signature}`)).toBeUndefined();
  });

  it('wants an RSA private key of at least 2048 bits', () => {
    expect(() => new Rs256Jwt(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey)).toThrow(RangeError);
    expect(() => new Rs256Jwt(publicKey)).toThrow(RangeError);
    expect(() => new Rs256Jwt(generateKeyPairSync('ed25519').privateKey)).toThrow(RangeError);
  });
});
