import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacJwt } from './hmac-jwt.ts';

const key = new Uint8Array(32).fill(7);

describe('HmacJwt', () => {
  it('signs a three-part JWS that verifies back to the same claims', () => {
    const jwt = new HmacJwt(key);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (claims) => {
        const token = jwt.sign(claims);
        expect(token.split('.')).toHaveLength(3);
        expect(token).toMatch(/^[A-Za-z0-9-_=.]+$/);
        expect(jwt.verify(token)).toEqual(claims);
      }),
    );
  });

  it('is a standard HS256 JWS', () => {
    const token = new HmacJwt(key).sign({ sub: 'x' });
    const [header = '', payload = '', signature = ''] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    const expected = createHmac('sha256', Buffer.from(key)).update(`${header}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
  });

  it('refuses tokens from another key, edited tokens and junk', () => {
    const mine = new HmacJwt(key);
    const theirs = new HmacJwt(new Uint8Array(32).fill(8));
    const token = mine.sign({ sub: 'x', token_use: 'access' });
    expect(theirs.verify(token)).toBeUndefined();
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from('{"sub":"y","token_use":"access"}').toString('base64url')}.${signature}`;
    expect(mine.verify(forged)).toBeUndefined();
    for (const junk of ['', 'a.b', 'a.b.c', `${token}.x`, `${header}.bm90IGpzb24.${signature}`]) expect(mine.verify(junk)).toBeUndefined();
  });

  it('refuses a payload that is valid JSON but not an object, even when correctly signed', () => {
    const jwt = new HmacJwt(key);
    const header = jwt.sign({}).split('.')[0] ?? '';
    const payload = Buffer.from('[1]').toString('base64url');
    const signature = createHmac('sha256', Buffer.from(key)).update(`${header}.${payload}`).digest('base64url');
    expect(jwt.verify(`${header}.${payload}.${signature}`)).toBeUndefined();
  });

  it('wants a key of at least 256 bits', () => {
    expect(() => new HmacJwt(new Uint8Array(31))).toThrow(RangeError);
  });
});
