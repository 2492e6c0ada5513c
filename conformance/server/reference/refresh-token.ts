import { randomBytes } from 'node:crypto';

// The protected header Cognito's refresh tokens carry. Clients sometimes peek at it; the
// rest of the token is opaque to them, as it is here.
const JWE_HEADER = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url');

/**
 * Mints a refresh token shaped like Cognito's: a five-part compact JWE (header, encrypted
 * key, IV, ciphertext, tag), here filled with random bytes. It carries no data; the server
 * finds the session by the token itself, so a token cannot be forged or edited into another.
 * Every character is in RevokeToken's `Token` pattern, `[A-Za-z0-9-_=.]+`.
 * @internal
 */
export function mintRefreshToken(): string {
  const encryptedKey = randomBytes(256); // an RSA-2048 wrapped key is this long
  const iv = randomBytes(12);
  const ciphertext = randomBytes(384);
  const tag = randomBytes(16);
  return [JWE_HEADER, ...[encryptedKey, iv, ciphertext, tag].map((part) => part.toString('base64url'))].join('.');
}
