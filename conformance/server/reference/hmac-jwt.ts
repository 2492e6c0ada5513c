import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** @internal */
export type JwtClaims = Record<string, unknown>;

/**
 * Signs and verifies compact JWS tokens with HS256. The key never leaves the server
 * instance, so only the server that minted a token can vouch for it: exactly the property
 * the reference server needs to tell its own access and ID tokens from anything else.
 * @internal
 */
export class HmacJwt {
  readonly #key: Buffer;
  readonly #header: string;

  constructor(key: Uint8Array) {
    if (key.byteLength < 32) throw new RangeError('an HS256 key must have at least 32 bytes');
    this.#key = Buffer.from(key);
    // A key id lets a reader see which server instance minted a token without revealing the key.
    const kid = createHash('sha256').update(this.#key).digest('base64url').slice(0, 16);
    this.#header = encodeSegment({ kid, alg: 'HS256' });
  }

  sign(claims: JwtClaims): string {
    const signingInput = `${this.#header}.${encodeSegment(claims)}`;
    return `${signingInput}.${this.#mac(signingInput).toString('base64url')}`;
  }

  /** The claims of a token this instance signed, or undefined for anything else. Expiry is the caller's business. */
  verify(token: string): JwtClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    if (header !== this.#header) return undefined;
    const expected = this.#mac(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) return undefined;
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : undefined;
    } catch {
      return undefined;
    }
  }

  #mac(input: string): Buffer {
    return createHmac('sha256', this.#key).update(input).digest();
  }
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
