// Helpers for the reference server's own tests: wire-level calls and a ready-made pool.

import { secretHash } from '../../protocol/secret-hash.ts';
import type { ReferenceService } from './reference-service.ts';
import { SERVICE_SHAPE_NAME } from './routing.ts';

/** @internal */
export const ENDPOINT = 'https://cognito-idp.us-east-1.amazonaws.com/';

/** @internal */
export function awsJsonRequest(operation: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${SERVICE_SHAPE_NAME}.${operation}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** @internal */
export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON; loosely typed because tests read whatever members the operation returns. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the service answered.
  body: any;
  text: string;
}

/** @internal */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text), text };
}

/** @internal */
export async function call(service: ReferenceService, operation: string, input: unknown): Promise<Answer> {
  return answerOf(await service.handle(awsJsonRequest(operation, input)));
}

/** Calls an operation and fails loudly unless it succeeded. @internal */
export async function ok(service: ReferenceService, operation: string, input: unknown): Promise<Answer['body']> {
  const answer = await call(service, operation, input);
  if (answer.status !== 200) throw new Error(`${operation} failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** @internal */
export interface Scenario {
  poolId: string;
  clientId: string;
  clientSecret: string | undefined;
  username: string;
  password: string;
}

/** @internal */
export interface ScenarioOptions {
  generateSecret?: boolean;
  enableTokenRevocation?: boolean;
  explicitAuthFlows?: string[];
  username?: string;
  refreshTokenRotation?: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number };
}

/** A pool, one app client and one confirmed user with a permanent password. @internal */
export async function scenario(service: ReferenceService, options: ScenarioOptions = {}): Promise<Scenario> {
  const pool = await ok(service, 'CreateUserPool', { PoolName: 'reference-tests' });
  const poolId: string = pool.UserPool.Id;
  return addClientAndUser(service, poolId, options);
}

/** Another client (and user) in an existing pool. @internal */
export async function addClientAndUser(service: ReferenceService, poolId: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const client = await ok(service, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'app',
    GenerateSecret: options.generateSecret ?? false,
    ExplicitAuthFlows: options.explicitAuthFlows ?? ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    ...(options.enableTokenRevocation === undefined ? {} : { EnableTokenRevocation: options.enableTokenRevocation }),
    ...(options.refreshTokenRotation === undefined ? {} : { RefreshTokenRotation: options.refreshTokenRotation }),
  });
  const username = options.username ?? 'alice';
  const password = 'Correct-Horse-9';
  const created = await call(service, 'AdminCreateUser', {
    UserPoolId: poolId,
    Username: username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
  });
  if (created.status !== 200 && created.body?.__type !== 'UsernameExistsException') throw new Error(created.text);
  await ok(service, 'AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: password, Permanent: true });
  return { poolId, clientId: client.UserPoolClient.ClientId, clientSecret: client.UserPoolClient.ClientSecret, username, password };
}

/** @internal */
export interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken: string;
}

/** A USER_PASSWORD_AUTH sign-in, with SECRET_HASH when the client has a secret. @internal */
export async function signIn(service: ReferenceService, s: Scenario): Promise<Tokens> {
  const parameters: Record<string, string> = { USERNAME: s.username, PASSWORD: s.password };
  if (s.clientSecret) parameters['SECRET_HASH'] = secretHash(s.clientSecret, s.username, s.clientId);
  const result = await ok(service, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: s.clientId, AuthParameters: parameters });
  return result.AuthenticationResult as Tokens;
}

/** @internal */
export async function refresh(service: ReferenceService, s: Scenario, refreshToken: string): Promise<Answer> {
  const parameters: Record<string, string> = { REFRESH_TOKEN: refreshToken };
  if (s.clientSecret) parameters['SECRET_HASH'] = secretHash(s.clientSecret, s.username, s.clientId);
  return call(service, 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: s.clientId, AuthParameters: parameters });
}

/** @internal */
export function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
