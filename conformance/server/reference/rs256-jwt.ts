import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from 'node:crypto';

/** @internal */
export type JwtClaims = Record<string, unknown>;

/** One public key of a JSON Web Key Set, in the form Cognito's `/.well-known/jwks.json` lists them. @internal */
export interface RsaJwk {
  kid: string;
  alg: 'RS256';
  kty: 'RSA';
  use: 'sig';
  n: string;
  e: string;
}

/** @internal */
export interface Jwks {
  keys: RsaJwk[];
}

let processKey: KeyObject | undefined;

/**
 * The key every instance without a key of its own signs with, made when the first instance is
 * created (never inside a request: a client with a short timeout would see the first sign-in
 * hang). A 2048-bit RSA key takes a few hundred milliseconds to generate and tests make
 * hundreds of services, so the process makes one; each instance still has its own key id.
 */
function sharedPrivateKey(): KeyObject {
  processKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return processKey;
}

/** Throws unless `key` is an RSA private key of at least 2048 bits, the smallest RS256 key Cognito-style verifiers take. @internal */
export function assertRs256Key(key: KeyObject): void {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    throw new RangeError('signingKey must be an RSA private key of at least 2048 bits');
}

/**
 * Signs and verifies compact JWS tokens with RS256, as Cognito does, and publishes the public
 * key as a JWKS so that a resource server can verify the tokens offline. Each instance has
 * its own key id, and the signature covers the header that names it: an instance accepts only
 * the tokens it signed, even when instances share the process's key.
 * @internal
 */
export class Rs256Jwt {
  readonly #kid: string;
  readonly #header: string;
  readonly #key: KeyObject;

  constructor(privateKey?: KeyObject) {
    if (privateKey) assertRs256Key(privateKey);
    this.#key = privateKey ?? sharedPrivateKey();
    this.#kid = randomBytes(12).toString('base64url');
    this.#header = encodeSegment({ kid: this.#kid, alg: 'RS256' });
  }

  get kid(): string {
    return this.#kid;
  }

  sign(claims: JwtClaims): string {
    const signingInput = `${this.#header}.${encodeSegment(claims)}`;
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), this.#key).toString('base64url')}`;
  }

  /** The claims of a token this instance signed, or undefined for anything else. Expiry is the caller's business. */
  verify(token: string): JwtClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    if (header !== this.#header) return undefined;
    if (!verify('sha256', Buffer.from(`${header}.${payload}`), this.#key, Buffer.from(signature, 'base64url'))) return undefined;
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The public half of the key, under this instance's key id. */
  jwks(): Jwks {
    const { n, e } = createPublicKey(this.#key).export({ format: 'jwk' });
    return { keys: [{ kid: this.#kid, alg: 'RS256', kty: 'RSA', use: 'sig', n: String(n), e: String(e) }] };
  }
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
