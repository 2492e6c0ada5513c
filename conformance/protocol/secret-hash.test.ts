import { describe, expect, it } from 'vitest';
import { secretHash } from './secret-hash.ts';

describe('secretHash', () => {
  it('is Base64(HMAC-SHA256(secret, username + clientId)), checked against WebCrypto', async () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmno';
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('alice' + 'client123'));
    expect(secretHash(secret, 'alice', 'client123')).toBe(Buffer.from(mac).toString('base64'));
  });

  it('depends on every input', () => {
    const base = secretHash('s'.repeat(24), 'alice', 'client');
    expect(secretHash('t'.repeat(24), 'alice', 'client')).not.toBe(base);
    expect(secretHash('s'.repeat(24), 'bob', 'client')).not.toBe(base);
    expect(secretHash('s'.repeat(24), 'alice', 'other')).not.toBe(base);
  });
});
