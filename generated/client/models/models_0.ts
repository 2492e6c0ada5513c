// smithy-typescript generated code
import type { RevokeAssociatedSessionsType } from "./enums.ts";

/**
 * @public
 */
export interface RevokeTokenRequest {
  /**
   * The refresh token of the session to end.
   * @public
   */
  Token: string | undefined;

  /**
   * The app client that the refresh token was issued to.
   * @public
   */
  ClientId: string | undefined;

  /**
   * The app client's secret. Needed only when the app client was created with one.
   * @public
   */
  ClientSecret?: string | undefined;

  /**
   * Whether the single sign-on session that the token session belongs to is ended too.
   * Leaving it out behaves like NONE.
   * @public
   */
  RevokeAssociatedSessions?: RevokeAssociatedSessionsType | undefined;
}

/**
 * @public
 */
export interface RevokeTokenResponse {}
