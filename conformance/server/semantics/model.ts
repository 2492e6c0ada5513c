import type { CaseContext, CaseRecorder } from '../cases/server-case.ts';
import type { SessionTokens } from '../provision/sessions.ts';
import type { ClientRole, World } from '../provision/world.ts';

/**
 * What the model knows about one side of a session. `unknown` once the server did something
 * the documentation does not predict (or something unverified): from then on the suite stops
 * judging that side, so one deviation is reported once instead of cascading.
 * @internal
 */
export type Knowledge = 'live' | 'revoked' | 'unknown';

/**
 * One sign-in as the documentation says it behaves. Refresh and access are kept apart
 * because servers get them wrong separately (cognito-local revokes the refresh token and
 * leaves the access tokens working).
 * @internal
 */
export interface SessionModel {
  role: ClientRole;
  /** Which of the run's users signed in. */
  user: number;
  refresh: Knowledge;
  access: Knowledge;
  /** Access tokens minted in this session: the sign-in's and one per refresh. */
  accessTokens: number;
  /** Refresh tokens of the session: the sign-in's, then one per rotation. The last is current. */
  refreshTokens: number;
  /**
   * When (performance.now(), ms) the refresh token before the current one was rotated out;
   * undefined where no token was rotated out, or where what the server did with it is unknown.
   */
  retiredAt: number | undefined;
  /** Ended by GlobalSignOut rather than RevokeToken: a RevokeToken of its refresh token is then not R13's second revoke. */
  signedOut: boolean;
}

/** @internal */
export interface SemanticsModel {
  sessions: SessionModel[];
  /** Users a GlobalSignOut of the sequence signed out. */
  signedOutUsers: Set<number>;
}

/** The tokens the server actually handed out, session by session, in the model's order. @internal */
export interface SessionReal {
  tokens: SessionTokens;
  accessTokens: string[];
  /** The sign-in's refresh token, then each one rotation handed out. */
  refreshTokens: string[];
}

/** @internal */
export interface SemanticsReal {
  context: CaseContext;
  world: World;
  recorder: CaseRecorder;
  sessions: SessionReal[];
}

/** Several sessions per user, across two users and five clients; more add requests without adding behaviour. @internal */
export const MAX_SESSIONS = 6;

/** @internal */
export function emptyModel(): SemanticsModel {
  return { sessions: [], signedOutUsers: new Set() };
}
