import { randomUUID } from 'node:crypto';
import type { JwtClaims, Rs256Jwt } from './rs256-jwt.ts';
import { mintRefreshToken } from './refresh-token.ts';
import type { AppClientRecord, RefreshSessionRecord, StateStore, UserPoolRecord, UserRecord } from './state-store.ts';

/** Lifetimes of the three tokens, in seconds. @internal */
export interface TokenLifetimes {
  accessSeconds: number;
  idSeconds: number;
  refreshSeconds: number;
}

/** The AuthenticationResult of InitiateAuth, without the refresh token a refresh never returns. @internal */
export interface MintedTokens {
  AccessToken: string;
  IdToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

// Attributes whose values are booleans in an ID token rather than strings.
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/**
 * Mints the tokens of a session. Every access and ID token gets its own `jti`; when the
 * client has token revocation on, they also carry the session's `origin_jti`, which is
 * what RevokeToken and the token-checking APIs key on.
 * @internal
 */
export class TokenIssuer {
  readonly #jwt: Rs256Jwt;
  readonly #store: StateStore;
  readonly #now: () => number;
  readonly #region: string;
  readonly #lifetimes: TokenLifetimes;

  constructor(jwt: Rs256Jwt, store: StateStore, now: () => number, region: string, lifetimes: TokenLifetimes) {
    this.#jwt = jwt;
    this.#store = store;
    this.#now = now;
    this.#region = region;
    this.#lifetimes = lifetimes;
  }

  /** A sign-in: a new session with a new refresh token. */
  startSession(pool: UserPoolRecord, client: AppClientRecord, user: UserRecord): MintedTokens & { RefreshToken: string } {
    const now = this.#now();
    const refreshToken = mintRefreshToken();
    const session: RefreshSessionRecord = {
      poolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      originJti: randomUUID(),
      eventId: randomUUID(),
      authTime: Math.floor(now / 1000),
      expiresAt: now + this.#lifetimes.refreshSeconds * 1000,
      revoked: false,
    };
    this.#store.addSession(refreshToken, session);
    return { ...this.refresh(pool, client, user, session), RefreshToken: refreshToken };
  }

  /** New access and ID tokens in an existing session; the refresh token stays the same. */
  refresh(pool: UserPoolRecord, client: AppClientRecord, user: UserRecord, session: RefreshSessionRecord): MintedTokens {
    const iat = Math.floor(this.#now() / 1000);
    const issuer = `https://cognito-idp.${this.#region}.amazonaws.com/${pool.id}`;
    const family: JwtClaims = client.enableTokenRevocation ? { origin_jti: session.originJti } : {};
    const accessToken = this.#jwt.sign({
      sub: user.sub,
      iss: issuer,
      client_id: client.clientId,
      ...family,
      event_id: session.eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: session.authTime,
      exp: iat + this.#lifetimes.accessSeconds,
      iat,
      jti: randomUUID(),
      username: user.username,
    });
    const idToken = this.#jwt.sign({
      // Attributes first, so no attribute can shadow a claim the server sets.
      ...attributeClaims(user),
      sub: user.sub,
      iss: issuer,
      'cognito:username': user.username,
      aud: client.clientId,
      ...family,
      event_id: session.eventId,
      token_use: 'id',
      auth_time: session.authTime,
      exp: iat + this.#lifetimes.idSeconds,
      iat,
      jti: randomUUID(),
    });
    return { AccessToken: accessToken, IdToken: idToken, ExpiresIn: this.#lifetimes.accessSeconds, TokenType: 'Bearer' };
  }
}

function attributeClaims(user: UserRecord): JwtClaims {
  const claims: JwtClaims = {};
  for (const [name, value] of user.attributes) {
    claims[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  return claims;
}
