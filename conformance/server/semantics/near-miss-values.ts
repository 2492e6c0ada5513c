import { randomBytes } from 'node:crypto';

// Values almost like ones the run holds: the same length with the case flipped, one character
// off, a signature altered. A server that compares too little, or not at all, takes them for
// the real thing.

/** Flips the case of every letter: the same length, the same characters but for case. @internal */
export function caseFlipped(value: string): string {
  return [...value].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

/** One character off, in the middle, staying within the value's alphabet ([\w+] and the token pattern). @internal */
export function oneCharacterOff(value: string): string {
  const at = Math.floor(value.length / 2);
  const c = value[at]!;
  return `${value.slice(0, at)}${c === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
}

/**
 * A JWT with one character of its signature changed, in the middle of the segment: its header
 * and claims still decode to the real ones, so only a server that checks the signature can tell.
 * @internal
 */
export function withAlteredSignature(jwt: string): string {
  const parts = jwt.split('.');
  if (parts.length < 3 || parts.at(-1) === '') return oneCharacterOff(jwt);
  parts[parts.length - 1] = oneCharacterOff(parts.at(-1)!);
  return parts.join('.');
}

/** Looks like a Cognito refresh token (five base64url segments, the header of an encrypted JWT) and was never issued by anyone. @internal */
export function neverIssuedRefreshToken(): string {
  const segment = (bytes: number) => randomBytes(bytes).toString('base64url');
  return [Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}').toString('base64url'), segment(256), segment(12), segment(400), segment(16)].join('.');
}
