import { timingSafeEqual } from 'node:crypto';

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
