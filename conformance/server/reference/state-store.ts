import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordPolicy } from './password-policy.ts';

/** @internal */
export interface UserPoolRecord {
  id: string;
  name: string;
  arn: string;
  createdAt: number;
  passwordPolicy: PasswordPolicy;
  /** Keyed by username, which is case-sensitive here. */
  users: Map<string, UserRecord>;
}

/** @internal */
export interface AppClientRecord {
  poolId: string;
  clientId: string;
  clientName: string;
  secret: string | undefined;
  explicitAuthFlows: string[];
  enableTokenRevocation: boolean;
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  /** Refresh-token rotation (April 2025): only GetTokensFromRefreshToken refreshes, and each refresh hands out a new refresh token. */
  refreshTokenRotation: { enabled: boolean; retryGracePeriodSeconds: number };
  createdAt: number;
}

/** @internal */
export type UserStatus = 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';

/** @internal */
export interface UserRecord {
  username: string;
  sub: string;
  /** Attributes other than `sub`, in the order they were given. */
  attributes: Map<string, string>;
  status: UserStatus;
  enabled: boolean;
  createdAt: number;
  modifiedAt: number;
}

/**
 * One sign-in: the refresh token and everything minted from it. `originJti` is the family
 * id that every access and ID token of the session carries as `origin_jti`.
 * @internal
 */
export interface RefreshSessionRecord {
  poolId: string;
  clientId: string;
  username: string;
  originJti: string;
  eventId: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
}

/**
 * All state of one reference server. Plain maps: the server is a test fixture, state lives
 * as long as the instance, and nothing here is ever logged.
 * @internal
 */
export class StateStore {
  readonly pools = new Map<string, UserPoolRecord>();
  readonly clients = new Map<string, AppClientRecord>();
  readonly #sessions = new Map<string, RefreshSessionRecord>();
  readonly #revokedOrigins = new Set<string>();
  readonly #signedOutEvents = new Set<string>();
  /** Rotated-out refresh tokens and the time (epoch ms) from which they stop working. */
  readonly #retired = new Map<string, number>();
  /** Each rotated session's current refresh token (a session never rotated has only its first). */
  readonly #current = new Map<RefreshSessionRecord, string>();
  readonly #passwords = new Map<UserRecord, Buffer>();
  // Passwords are kept only as keyed digests, so a heap dump of a test run shows none.
  readonly #pepper = randomBytes(32);

  setPassword(user: UserRecord, password: string): void {
    this.#passwords.set(user, this.#digest(password));
  }

  passwordMatches(user: UserRecord, password: string): boolean {
    const stored = this.#passwords.get(user);
    return stored !== undefined && timingSafeEqual(stored, this.#digest(password));
  }

  addSession(refreshToken: string, session: RefreshSessionRecord): void {
    this.#sessions.set(refreshToken, session);
  }

  session(refreshToken: string): RefreshSessionRecord | undefined {
    return this.#sessions.get(refreshToken);
  }

  /**
   * Rotation: `next` becomes the session's refresh token. The one presented, and the one that
   * was current if another (a retry within the grace period presents an older token), keep
   * working until `until` (the client's RetryGracePeriodSeconds from now), then never again:
   * a session has one current refresh token, never two.
   */
  rotate(presented: string, next: string, until: number): void {
    const session = this.#sessions.get(presented);
    if (!session) return;
    for (const token of [presented, this.#current.get(session) ?? presented]) if (!this.#retired.has(token)) this.#retired.set(token, until);
    this.#sessions.set(next, session);
    this.#current.set(session, next);
  }

  /** When a rotated-out refresh token stops working (epoch ms); undefined for a token that was never rotated out. */
  retiredUntil(refreshToken: string): number | undefined {
    return this.#retired.get(refreshToken);
  }

  /** Ends a session: its refresh token, and every token carrying its origin_jti. */
  revoke(session: RefreshSessionRecord): void {
    session.revoked = true;
    this.#revokedOrigins.add(session.originJti);
  }

  /**
   * Ends every session of one user of a pool (GlobalSignOut), on every app client. Tokens of a
   * client with revocation off carry no origin_jti, so their sessions are ended by event_id,
   * which every access and ID token carries.
   */
  revokeUser(poolId: string, username: string): void {
    for (const session of new Set(this.#sessions.values())) {
      if (session.poolId !== poolId || session.username !== username) continue;
      this.revoke(session);
      this.#signedOutEvents.add(session.eventId);
    }
  }

  /** The session of this event_id was ended by GlobalSignOut. */
  isEventSignedOut(eventId: string): boolean {
    return this.#signedOutEvents.has(eventId);
  }

  isOriginRevoked(originJti: string): boolean {
    return this.#revokedOrigins.has(originJti);
  }

  #digest(password: string): Buffer {
    return createHmac('sha256', this.#pepper).update(password, 'utf8').digest();
  }
}
