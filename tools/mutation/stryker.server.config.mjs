import { strykerConfig } from './stryker-base.mjs';

// Server direction: the reference server's RevokeToken path and the revocation state it keys
// on, killed by the server suite's verdict against the reference server. Ranges, not whole
// files, so the run stays within minutes: each range is one concern of RevokeToken.
export default strykerConfig('server', [
  // The operation itself: who the client is, its secret, the revocation switch, the token.
  'conformance/server/reference/operations/revoke-token.ts',
  // Session tracking and the revocation state (sessions, revoked origins).
  'conformance/server/reference/state-store.ts:81-97',
  // Token issuing: a session, and the origin_jti every access and ID token carries.
  'conformance/server/reference/token-issuer.ts:46-98',
  // The secret comparison RevokeToken and the auth flows share.
  'conformance/server/reference/secret-hash.ts:17-21',
  // Where revocation shows: GetUser refuses a revoked session's access token...
  'conformance/server/reference/operations/get-user.ts:17-33',
  // ...and the refresh flow refuses a revoked refresh token.
  'conformance/server/reference/operations/initiate-auth.ts:114-126',
  // Input validation: RevokeToken's shape and member shapes, and the two kinds of constraint
  // they use (string length and pattern, required members). The rest of validate-input.ts is
  // the other operations' (integers, lists, maps).
  'conformance/server/reference/input-shapes.ts:6-9',
  'conformance/server/reference/input-shapes.ts:109-114',
  'conformance/server/reference/validate-input.ts:12-20',
  'conformance/server/reference/validate-input.ts:59-79',
  'conformance/server/reference/validate-input.ts:100-111',
]);
