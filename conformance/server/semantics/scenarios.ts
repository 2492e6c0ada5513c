import { type CaseContext, CaseRecorder, type FixedServerCase } from '../cases/server-case.ts';
import { withOwnUsers } from '../provision/world.ts';
import {
  GetTokens,
  GetUser,
  GetUserWithOtherToken,
  GlobalSignOut,
  Refresh,
  RefreshWithUnknownToken,
  Revoke,
  RevokeOnOtherClient,
  RevokeUnknownToken,
  RevokeWithWrongTokenType,
  type SemanticsCommand,
  SignIn,
  SignInWithBadProof,
  Sweep,
  UseRotatedOutToken,
} from './commands.ts';
import { emptyModel, type SemanticsReal } from './model.ts';
import { neverIssuedRefreshToken } from './near-miss-values.ts';

const ORIGIN = 'conformance/server/semantics/scenarios.ts';

/**
 * Runs commands in order against a fresh model, skipping any whose precondition fails: the
 * same machinery as the model run, with a fixed script, so every rule is judged on every run
 * whatever the seed. A script that signs in does so as users created for it (withOwnUsers).
 * @internal
 */
export async function runScript(context: CaseContext, commands: readonly SemanticsCommand[]): Promise<CaseRecorder> {
  const recorder = new CaseRecorder(context.wire.timeoutMs);
  const model = emptyModel();
  // Users of its own wherever the script signs in: the model then knows all their sessions.
  const world = commands.some((command) => command instanceof SignIn)
    ? await withOwnUsers(await context.world(), context.api, context.sensitive)
    : await context.world();
  const real: SemanticsReal = { context, world, recorder, sessions: [] };
  for (const command of commands) {
    if (await command.check(model)) await command.run(model, real);
  }
  return recorder;
}

// Every scenario is must level: even the unverified ones judge their answers by the wire rules.
function scenario(id: string, title: string, tags: readonly string[], script: () => SemanticsCommand[]): FixedServerCase {
  return { kind: 'scripted', id, title, level: 'must', tags: [...tags, 'semantics'], origin: ORIGIN, run: (context) => runScript(context, script()) };
}

/** The documented semantics, one scripted scenario per rule, and the unverified cases. @internal */
export const SCENARIO_CASES: readonly FixedServerCase[] = [
  scenario(
    'semantics-revoking-ends-the-session',
    "revoking a refresh token ends it and every access token minted from it: the first sign-in's and a refreshed one, for both spellings of the refresh flow and every time, however the request is written (botocore, the JavaScript SDK v3, signed)",
    ['R1', 'R2', 'R3'],
    () => [
      new SignIn('public'),
      new Refresh(0),
      new GetUser(0, 0),
      new Revoke(0, 'right', undefined, 'botocore'),
      new GetUser(0, 0),
      new GetUser(0, 1),
      new Refresh(0),
      // Revoked for every spelling of the refresh flow, and still revoked when asked again.
      new Refresh(0, 'REFRESH_TOKEN'),
      new Refresh(0),
      // The same, with the request as the JavaScript SDK v3 writes it, and signed.
      new SignIn('confidential'),
      new Revoke(1, 'right', undefined, 'aws-sdk-js-v3'),
      new GetUser(1, 0),
      new SignIn('public'),
      new Revoke(2, 'right', undefined, 'signed'),
      new Refresh(2),
      new Sweep(),
    ],
  ),
  scenario(
    'semantics-other-sessions-keep-working',
    "revoking one session leaves the user's other sessions working, on the same client and on another",
    ['R4'],
    () => [
      new SignIn('public'),
      new SignIn('public'),
      new SignIn('confidential'),
      new Revoke(0, 'right'),
      new GetUser(1, 0),
      new Refresh(1),
      new GetUser(1, 1),
      new GetUser(2, 0),
      new Refresh(2),
    ],
  ),
  scenario(
    'semantics-access-and-id-tokens-are-refused',
    'an access or ID token passed as Token is refused with UnsupportedTokenTypeException, and its session keeps working',
    ['R5', 'R4'],
    () => [
      new SignIn('public'),
      new RevokeWithWrongTokenType(0, 'access', 0),
      new RevokeWithWrongTokenType(0, 'id', 0),
      new SignIn('confidential'),
      new RevokeWithWrongTokenType(1, 'access', 0),
      new RevokeWithWrongTokenType(1, 'id', 0),
      new GetUser(0, 0),
      new Refresh(0),
      new GetUser(1, 0),
    ],
  ),
  scenario(
    'semantics-get-user-takes-only-access-tokens',
    'GetUser refuses an ID token, a refresh token and an access token with its signature altered or a segment added, with NotAuthorizedException, and the session keeps working',
    ['R16', 'R8'],
    () => [
      new SignIn('public'),
      new GetUserWithOtherToken(0, 'id'),
      new GetUserWithOtherToken(0, 'refresh'),
      new GetUserWithOtherToken(0, 'altered'),
      new GetUserWithOtherToken(0, 'extra segment'),
      new SignIn('confidential', 1),
      new Refresh(1),
      new GetUserWithOtherToken(1, 'altered'),
      new GetUserWithOtherToken(1, 'id'),
      new Revoke(0, 'right'),
      new GetUserWithOtherToken(0, 'id'),
    ],
  ),
  scenario(
    'semantics-unknown-refresh-token-is-invalid',
    'a refresh token the server never issued, or one almost like a live one, is refused with NotAuthorizedException ("Invalid Refresh Token."), and the live one keeps working',
    ['R17', 'R8'],
    () => [
      new SignIn('public'),
      new RefreshWithUnknownToken(0, 'never issued'),
      new RefreshWithUnknownToken(0, 'one character off'),
      new RefreshWithUnknownToken(0, 'case flipped'),
      new SignIn('confidential', 1),
      new RefreshWithUnknownToken(1, 'one character longer'),
      new SignIn('rotating'),
      new RefreshWithUnknownToken(2, 'one character off'),
    ],
  ),
  scenario(
    'semantics-global-sign-out',
    "GlobalSignOut ends every session of the user on every client, refreshed access tokens included, and no other user's; a second one with the revoked token is refused",
    ['R18', 'R2', 'R3', 'R4', 'R9'],
    () => [
      new SignIn('public', 0),
      new SignIn('confidential', 0, 'ADMIN_USER_PASSWORD_AUTH'),
      new SignIn('public', 1),
      new Refresh(0),
      new GlobalSignOut(0),
      new GetUser(0, 0),
      new GetUser(0, 1),
      new Refresh(1),
      new GlobalSignOut(1),
      new Revoke(1, 'right'),
      new GetUser(2, 0),
      new Refresh(2),
      new Sweep(),
    ],
  ),
  scenario(
    'semantics-revocation-switched-off-is-refused',
    'on an app client created with EnableTokenRevocation false, RevokeToken is refused with UnsupportedOperationException and nothing is revoked',
    ['R6', 'R4'],
    () => [new SignIn('revocationOff'), new Revoke(0, 'right'), new GetUser(0, 0), new Refresh(0)],
  ),
  scenario(
    'semantics-client-secret-is-checked',
    'on an app client with a secret, a missing or wrong ClientSecret is refused with UnauthorizedException and revokes nothing; the right one revokes; a sign-in with a wrong or missing SECRET_HASH is refused',
    ['R7', 'R4', 'R1', 'R3', 'R14', 'R8'],
    () => [
      new SignIn('confidential'),
      new SignInWithBadProof(0, 'wrong'),
      new SignInWithBadProof(0, 'missing', 'ADMIN_USER_PASSWORD_AUTH'),
      new Revoke(0, 'missing'),
      new Revoke(0, 'wrong'),
      new GetUser(0, 0),
      new Refresh(0),
      new Revoke(0, 'right'),
      new GetUser(0, 0),
    ],
  ),
  scenario(
    'semantics-populated-world',
    "two users with sessions on several clients: LINKED ends one session only, refusals and another client's revoke leave sessions working, and a final sweep finds every token as the run left it",
    ['R8', 'R9', 'R10', 'R15', 'R4', 'R7', 'world'],
    () => [
      new SignIn('public', 0),
      new SignIn('confidential', 0),
      new SignIn('public', 1),
      new SignIn('confidential', 1, 'ADMIN_USER_PASSWORD_AUTH'),
      new SignIn('public', 1, 'ADMIN_USER_PASSWORD_AUTH'),
      new Revoke(0, 'right', 'LINKED'),
      new Revoke(1, 'wrong'),
      new Revoke(3, 'missing', 'NONE'),
      new RevokeOnOtherClient(2, 'confidential'),
      new Revoke(2, 'right', 'NONE'),
      new Revoke(4, 'right'),
      new SignIn('public', 0),
      new SignIn('public', 1),
      new Sweep(),
    ],
  ),
  scenario(
    'semantics-legacy-sign-in-spelling',
    "a session signed in through AdminInitiateAuth's legacy flow name ADMIN_NO_SRP_AUTH is a session like any other: revocable, refreshable, and swept",
    ['R1', 'R3', 'R4', 'R9'],
    () => [
      new SignIn('public', 0, 'ADMIN_NO_SRP_AUTH'),
      new SignIn('confidential', 1, 'ADMIN_NO_SRP_AUTH'),
      new Refresh(1),
      new Revoke(0, 'right'),
      new GetUser(0, 0),
      new GetUser(1, 1),
      new Sweep(),
    ],
  ),
  scenario(
    'semantics-refresh-token-rotation',
    'GetTokensFromRefreshToken hands out a new refresh token exactly where rotation is on, and takes the right ClientSecret of an app client with one; the rotated-out token works only within the grace period; REFRESH_TOKEN_AUTH and REFRESH_TOKEN are refused where rotation is on and answer no refresh token elsewhere',
    ['R11', 'R2', 'R8', 'R9'],
    () => [
      new SignIn('rotating'),
      new GetTokens(0),
      new UseRotatedOutToken(0),
      new Refresh(0, 'REFRESH_TOKEN_AUTH'),
      new SignIn('rotatingWithGrace', 1),
      new GetTokens(1),
      new UseRotatedOutToken(1),
      new SignIn('public'),
      new GetTokens(2),
      new Refresh(2, 'REFRESH_TOKEN'),
      new Refresh(2, 'REFRESH_TOKEN_AUTH'),
      new Revoke(0, 'right'),
      new GetTokens(0),
      // The app client with a secret: GetTokensFromRefreshToken with its right ClientSecret works.
      new SignIn('confidential'),
      new GetTokens(3),
      new Sweep(),
    ],
  ),
  scenario(
    'semantics-unverified-second-revoke',
    'revoking the same refresh token twice: the second answer is a success (observed 2026) and is compared with the configured outcome (informational); the session stays revoked',
    ['U1', 'R13', 'R3', 'R2', 'R9', 'unverified'],
    // The session stays revoked after the second revoke: its tokens are used again, then swept.
    () => [new SignIn('public'), new Revoke(0, 'right'), new Revoke(0, 'right'), new GetUser(0, 0), new Refresh(0), new Sweep()],
  ),
  scenario(
    'semantics-unverified-unknown-token',
    'a well-formed refresh token the server never issued: the answer is compared with the configured outcome (informational)',
    ['U2', 'unverified'],
    () => [new RevokeUnknownToken(neverIssuedRefreshToken())],
  ),
  scenario(
    'semantics-unverified-other-clients-token',
    'a refresh token revoked through another app client of the pool: the answer is compared with the configured outcome (informational)',
    ['U3', 'unverified'],
    () => [
      new SignIn('public'),
      new RevokeOnOtherClient(0, 'confidential'),
      new SignIn('confidential'),
      new RevokeOnOtherClient(1, 'public'),
      new GetUser(0, 0),
      new GetUser(1, 0),
    ],
  ),
];
