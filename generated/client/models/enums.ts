// smithy-typescript generated code
/**
 * @public
 * @enum
 */
export const RevokeAssociatedSessionsType = {
  /**
   * End the parent single sign-on session as well as the token session.
   */
  LINKED: "LINKED",
  /**
   * End only the token session of the given refresh token.
   */
  NONE: "NONE",
} as const;
/**
 * @public
 */
export type RevokeAssociatedSessionsType =
  (typeof RevokeAssociatedSessionsType)[keyof typeof RevokeAssociatedSessionsType];
