import { strykerConfig } from './stryker-base.mjs';

// Server direction: the reference server's RevokeToken path and the revocation state it keys
// on, killed by the server suite's verdict against the reference server. Ranges, not whole
// files, so the run stays within tens of minutes: each range is one concern of RevokeToken or
// of the operations where revocation shows.
export default strykerConfig('server', [
  // The operation itself: who the client is, its secret, the revocation switch, the token.
  'conformance/server/reference/operations/revoke-token.ts',
  // Sessions, rotation and the revocation state (revoked origins, signed-out events); not the
  // password digests above them.
  'conformance/server/reference/state-store.ts:88-141',
  // Token issuing: a session, and the origin_jti and event_id every access and ID token carries.
  'conformance/server/reference/token-issuer.ts:46-98',
  // Token signing and verification: RevokeToken tells a refresh token from an access or ID
  // token by verifying it, and GetUser refuses a token this server did not sign.
  'conformance/server/reference/rs256-jwt.ts:63-81',
  // The secret comparison RevokeToken and the auth flows share.
  'conformance/server/reference/same-secret.ts:8-12',
  // Where revocation shows: every operation authorised by an access token (GetUser,
  // GlobalSignOut) refuses a revoked session's or a signed-out user's token...
  'conformance/server/reference/operations/get-user.ts:31-47',
  // ...the refresh flows refuse a revoked refresh token (and rotation retires the old one)...
  'conformance/server/reference/operations/initiate-auth.ts:120-136',
  'conformance/server/reference/operations/get-tokens-from-refresh-token.ts:26-52',
  // ...and GlobalSignOut ends every session of the user.
  'conformance/server/reference/operations/global-sign-out.ts:19-24',
  // Input validation: RevokeToken's shape and member shapes, and the two kinds of constraint
  // they use (string length and pattern, required members). The rest of validate-input.ts is
  // the other operations' (integers, lists, maps).
  'conformance/server/reference/input-shapes.ts:6-9',
  'conformance/server/reference/input-shapes.ts:138-143',
  'conformance/server/reference/validate-input.ts:12-20',
  'conformance/server/reference/validate-input.ts:59-79',
  'conformance/server/reference/validate-input.ts:100-111',
]);
