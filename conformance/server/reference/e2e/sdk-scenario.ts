// A user pool set up through the SDK, the way an app's own integration test would do it.
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type ExplicitAuthFlowsType,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { secretHash } from '../../../protocol/secret-hash.ts';

/** @internal */
export interface SdkScenario {
  poolId: string;
  clientId: string;
  clientSecret: string | undefined;
  username: string;
  password: string;
}

/** @internal */
export interface SessionTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
}

/** @internal */
export async function createScenario(
  client: CognitoIdentityProviderClient,
  options: { generateSecret?: boolean; enableTokenRevocation?: boolean; poolId?: string; username?: string } = {},
): Promise<SdkScenario> {
  const poolId = options.poolId ?? (await client.send(new CreateUserPoolCommand({ PoolName: 'e2e' }))).UserPool?.Id ?? '';
  const flows: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  const appClient = (
    await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'e2e-app',
        GenerateSecret: options.generateSecret ?? false,
        ExplicitAuthFlows: flows,
        ...(options.enableTokenRevocation === undefined ? {} : { EnableTokenRevocation: options.enableTokenRevocation }),
      }),
    )
  ).UserPoolClient;
  const username = options.username ?? 'alice';
  const password = 'Correct-Horse-9';
  await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }));
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
  return { poolId, clientId: appClient?.ClientId ?? '', clientSecret: appClient?.ClientSecret, username, password };
}

function withSecretHash(scenario: SdkScenario, parameters: Record<string, string>): Record<string, string> {
  if (!scenario.clientSecret) return parameters;
  return { ...parameters, SECRET_HASH: secretHash(scenario.clientSecret, scenario.username, scenario.clientId) };
}

/** @internal */
export async function signIn(client: CognitoIdentityProviderClient, scenario: SdkScenario): Promise<SessionTokens> {
  const result = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: scenario.clientId,
      AuthParameters: withSecretHash(scenario, { USERNAME: scenario.username, PASSWORD: scenario.password }),
    }),
  );
  const tokens = result.AuthenticationResult;
  if (!tokens?.AccessToken || !tokens.IdToken || !tokens.RefreshToken) throw new Error('sign-in returned no tokens');
  return { accessToken: tokens.AccessToken, idToken: tokens.IdToken, refreshToken: tokens.RefreshToken };
}

/** REFRESH_TOKEN_AUTH; resolves to the new access token, and whether a refresh token came back. @internal */
export async function refresh(
  client: CognitoIdentityProviderClient,
  scenario: SdkScenario,
  refreshToken: string,
): Promise<{ accessToken: string; refreshToken: string | undefined }> {
  const result = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: scenario.clientId,
      AuthParameters: withSecretHash(scenario, { REFRESH_TOKEN: refreshToken }),
    }),
  );
  return { accessToken: result.AuthenticationResult?.AccessToken ?? '', refreshToken: result.AuthenticationResult?.RefreshToken };
}

/** The error a promise rejects with, for assertions on name, message and metadata. @internal */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number; requestId?: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number; requestId?: string } };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
