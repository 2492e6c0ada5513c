import { strykerConfig } from './stryker-base.mjs';

// Server direction: the reference server's RevokeToken path and the revocation state it keys
// on, killed by the server suite's verdict against the reference server.
export default strykerConfig('server', [
  'conformance/server/reference/operations/revoke-token.ts',
  'conformance/server/reference/state-store.ts',
  'conformance/server/reference/token-issuer.ts',
  'conformance/server/reference/refresh-token.ts',
  'conformance/server/reference/secret-hash.ts',
  'conformance/server/reference/validate-input.ts',
  'conformance/server/reference/operations/get-user.ts',
  // RevokeToken's input shape and the member shapes it uses (Token, ClientId, ClientSecret).
  'conformance/server/reference/input-shapes.ts:6-9',
  'conformance/server/reference/input-shapes.ts:109-114',
  // The refresh flow, where a revoked refresh token must stop working.
  'conformance/server/reference/operations/initiate-auth.ts:114-126',
]);
