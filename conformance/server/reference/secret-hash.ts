import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The SECRET_HASH a client with a secret sends to the auth APIs: Base64 of
 * HMAC-SHA256 keyed with the client secret over the username followed by the client id.
 * @public
 */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/**
 * Compares a presented value with the expected secret in constant time, so response timing
 * reveals nothing about how much of it was right.
 * @internal
 */
export function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}
