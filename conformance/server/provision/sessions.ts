import type { SensitiveValues } from '../../redaction/redact.ts';
import type { AwsJsonClient, CallResult } from './aws-json-client.ts';
import { secretHash } from './secret-hash.ts';
import { type ClientRole, SetupError, type World } from './world.ts';

/** The three tokens of one sign-in. @internal */
export interface SessionTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
}

function authParameters(world: World, role: ClientRole, parameters: Record<string, string>): Record<string, string> {
  const client = world.clients[role];
  if (client.clientSecret === undefined) return parameters;
  return { ...parameters, SECRET_HASH: secretHash(client.clientSecret, world.username, client.clientId) };
}

/**
 * A new session: USER_PASSWORD_AUTH on the role's app client, with SECRET_HASH where the
 * client has a secret. Throws SetupError when no tokens come back.
 * @internal
 */
export async function signIn(api: AwsJsonClient, world: World, role: ClientRole, sensitive: SensitiveValues): Promise<SessionTokens> {
  const step = `InitiateAuth USER_PASSWORD_AUTH (${role} client)`;
  const result = await api.call('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: world.clients[role].clientId,
    AuthParameters: authParameters(world, role, { USERNAME: world.username, PASSWORD: world.password }),
  });
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

/** REFRESH_TOKEN_AUTH with a session's refresh token; the caller judges the answer. @internal */
export async function refreshSession(
  api: AwsJsonClient,
  world: World,
  role: ClientRole,
  refreshToken: string,
  sensitive: SensitiveValues,
): Promise<CallResult> {
  const result = await api.call('InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: world.clients[role].clientId,
    AuthParameters: authParameters(world, role, { REFRESH_TOKEN: refreshToken }),
  });
  if (result.ok) {
    const tokens = result.output['AuthenticationResult'] as Record<string, unknown> | undefined;
    sensitive.add(...['AccessToken', 'IdToken', 'RefreshToken'].map((name) => (typeof tokens?.[name] === 'string' ? (tokens[name] as string) : undefined)));
  }
  return result;
}

/** The new access token of a successful refresh, if the answer has one. @internal */
export function refreshedAccessToken(result: CallResult): string | undefined {
  if (!result.ok) return undefined;
  const token = (result.output['AuthenticationResult'] as Record<string, unknown> | undefined)?.['AccessToken'];
  return typeof token === 'string' ? token : undefined;
}

/** GetUser with an access token: where Cognito shows whether the token still counts. @internal */
export function getUser(api: AwsJsonClient, accessToken: string): Promise<CallResult> {
  return api.call('GetUser', { AccessToken: accessToken });
}
