import { secretHash } from '../../protocol/secret-hash.ts';
import type { SensitiveValues } from '../../redaction/redact.ts';
import type { AwsJsonClient, CallResult } from './aws-json-client.ts';
import { type ClientRole, SetupError, type World } from './world.ts';

/** The three tokens of one sign-in. @internal */
export interface SessionTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
}

/** The two spellings of the refresh flow of InitiateAuth: the current one and its legacy name. @internal */
export type RefreshFlow = 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN';

function authParameters(world: World, role: ClientRole, user: number, parameters: Record<string, string>): Record<string, string> {
  const client = world.clients[role];
  if (client.clientSecret === undefined) return parameters;
  return { ...parameters, SECRET_HASH: secretHash(client.clientSecret, world.users[user]!.username, client.clientId) };
}

/**
 * The password sign-ins: InitiateAuth's USER_PASSWORD_AUTH, as apps send it unsigned, and
 * AdminInitiateAuth's ADMIN_USER_PASSWORD_AUTH, as back ends send it signed, or by its legacy
 * name ADMIN_NO_SRP_AUTH, which the AuthFlowType documentation still lists.
 * @internal
 */
export type SignInFlow = 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH';

/** The InitiateAuth request of a USER_PASSWORD_AUTH sign-in. @internal */
export function signInInput(world: World, role: ClientRole, user = 0): Record<string, unknown> {
  const { username, password } = world.users[user]!;
  return {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: world.clients[role].clientId,
    AuthParameters: authParameters(world, role, user, { USERNAME: username, PASSWORD: password }),
  };
}

/** Sends a password sign-in by either flow; the caller reads the tokens (sessionTokensOf). @internal */
export function signInCall(api: AwsJsonClient, world: World, role: ClientRole, user = 0, flow: SignInFlow = 'USER_PASSWORD_AUTH'): Promise<CallResult> {
  if (flow === 'USER_PASSWORD_AUTH') return api.call('InitiateAuth', signInInput(world, role, user));
  return api.call('AdminInitiateAuth', { ...signInInput(world, role, user), AuthFlow: flow, UserPoolId: world.poolId }, { signed: true });
}

/** The tokens of a successful sign-in, or a SetupError naming what was missing. @internal */
export function sessionTokensOf(result: CallResult, step: string, sensitive: SensitiveValues): SessionTokens {
  if (!result.ok) throw new SetupError(step, result.detail);
  const tokens = result.output['AuthenticationResult'] as Record<string, unknown> | undefined;
  const accessToken = tokens?.['AccessToken'];
  const idToken = tokens?.['IdToken'];
  const refreshToken = tokens?.['RefreshToken'];
  if (typeof accessToken !== 'string' || typeof idToken !== 'string' || typeof refreshToken !== 'string') {
    const challenge = result.output['ChallengeName'];
    throw new SetupError(
      step,
      typeof challenge === 'string'
        ? `the server asked for the ${challenge} challenge instead of signing in`
        : 'the answer lacks an access, ID or refresh token',
    );
  }
  sensitive.add(accessToken, idToken, refreshToken);
  return { accessToken, idToken, refreshToken };
}

/** @internal */
export function signInStep(role: ClientRole, user = 0, flow: SignInFlow = 'USER_PASSWORD_AUTH'): string {
  const operation = flow === 'USER_PASSWORD_AUTH' ? 'InitiateAuth' : 'AdminInitiateAuth';
  return `${operation} ${flow} (${role} client${user === 0 ? '' : `, user ${user + 1}`})`;
}

/**
 * A new session: USER_PASSWORD_AUTH on the role's app client as one of the run's users, with
 * SECRET_HASH where the client has a secret. Throws SetupError when no tokens come back.
 * @internal
 */
export async function signIn(api: AwsJsonClient, world: World, role: ClientRole, sensitive: SensitiveValues, user = 0): Promise<SessionTokens> {
  const result = await api.call('InitiateAuth', signInInput(world, role, user));
  return sessionTokensOf(result, signInStep(role, user), sensitive);
}

function rememberTokens(result: CallResult, sensitive: SensitiveValues): void {
  if (!result.ok) return;
  const tokens = result.output['AuthenticationResult'] as Record<string, unknown> | undefined;
  sensitive.add(...['AccessToken', 'IdToken', 'RefreshToken'].map((name) => (typeof tokens?.[name] === 'string' ? (tokens[name] as string) : undefined)));
}

/** InitiateAuth's refresh flow (REFRESH_TOKEN_AUTH or its legacy name) with a session's refresh token; the caller judges the answer. @internal */
export async function refreshSession(
  api: AwsJsonClient,
  world: World,
  role: ClientRole,
  refreshToken: string,
  sensitive: SensitiveValues,
  options: { user?: number; flow?: RefreshFlow } = {},
): Promise<CallResult> {
  const result = await api.call('InitiateAuth', {
    AuthFlow: options.flow ?? 'REFRESH_TOKEN_AUTH',
    ClientId: world.clients[role].clientId,
    AuthParameters: authParameters(world, role, options.user ?? 0, { REFRESH_TOKEN: refreshToken }),
  });
  rememberTokens(result, sensitive);
  return result;
}

/** GetTokensFromRefreshToken (2025) with a refresh token, the client's secret where it has one; the caller judges the answer. @internal */
export async function getTokensFromRefreshToken(
  api: AwsJsonClient,
  world: World,
  role: ClientRole,
  refreshToken: string,
  sensitive: SensitiveValues,
): Promise<CallResult> {
  const client = world.clients[role];
  const result = await api.call('GetTokensFromRefreshToken', {
    RefreshToken: refreshToken,
    ClientId: client.clientId,
    ...(client.clientSecret === undefined ? {} : { ClientSecret: client.clientSecret }),
  });
  rememberTokens(result, sensitive);
  return result;
}

/** The new access token of a successful refresh, if the answer has one. @internal */
export function refreshedAccessToken(result: CallResult): string | undefined {
  if (!result.ok) return undefined;
  const token = (result.output['AuthenticationResult'] as Record<string, unknown> | undefined)?.['AccessToken'];
  return typeof token === 'string' ? token : undefined;
}

/** The refresh token a refresh answered with, if any (only rotation hands one out). @internal */
export function refreshedRefreshToken(result: CallResult): string | undefined {
  if (!result.ok) return undefined;
  const token = (result.output['AuthenticationResult'] as Record<string, unknown> | undefined)?.['RefreshToken'];
  return typeof token === 'string' ? token : undefined;
}

/** GetUser with an access token: where Cognito shows whether the token still counts. @internal */
export function getUser(api: AwsJsonClient, accessToken: string): Promise<CallResult> {
  return api.call('GetUser', { AccessToken: accessToken });
}
