import { describe, expect, it } from 'vitest';
import { mintRefreshToken } from './refresh-token.ts';

describe('mintRefreshToken', () => {
  it("looks like Cognito's: five base64url segments under a JWE header", () => {
    const token = mintRefreshToken();
    const segments = token.split('.');
    expect(segments).toHaveLength(5);
    expect(JSON.parse(Buffer.from(segments[0] ?? '', 'base64url').toString())).toEqual({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' });
    expect(Buffer.from(segments[2] ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(segments[4] ?? '', 'base64url')).toHaveLength(16);
  });

  it('always fits the Token pattern and is never repeated', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index += 1) {
      const token = mintRefreshToken();
      expect(token).toMatch(/^[A-Za-z0-9-_=.]+$/);
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });
});
