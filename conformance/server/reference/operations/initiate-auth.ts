import { newChallengeSession } from '../identifiers.ts';
import { InitiateAuthInput } from '../input-shapes.ts';
import type { Operation, OperationContext } from '../operation.ts';
import { secretHash } from '../../../protocol/secret-hash.ts';
import { sameSecret } from '../same-secret.ts';
import { ServiceError } from '../service-error.ts';
import type { AppClientRecord, UserPoolRecord } from '../state-store.ts';
import { userAttributes } from './admin-create-user.ts';

interface Input {
  AuthFlow: string;
  ClientId: string;
  AuthParameters?: Record<string, string>;
}

// Which ExplicitAuthFlows value admits each flow. A client set up with the legacy values
// only (no ALLOW_ prefix) could always refresh and use SRP.
const ENABLING_FLOWS: Readonly<Record<string, readonly string[]>> = {
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  REFRESH_TOKEN: ['ALLOW_REFRESH_TOKEN_AUTH'],
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  CUSTOM_AUTH: ['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
  USER_AUTH: ['ALLOW_USER_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
};
const ALWAYS_ON_FOR_LEGACY_CLIENTS = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'USER_SRP_AUTH']);

/**
 * InitiateAuth with USER_PASSWORD_AUTH (a new session with a refresh token) and
 * REFRESH_TOKEN_AUTH (new access and ID tokens in the same session, no new refresh token).
 * @internal
 */
export const initiateAuth: Operation = {
  input: InitiateAuthInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const client = context.store.clients.get(input.ClientId);
    // The id is sensitive in the model, so unlike Cognito the message does not repeat it.
    if (!client) throw new ServiceError('ResourceNotFoundException', 'User pool client does not exist.');
    const pool = context.store.pools.get(client.poolId) as UserPoolRecord;
    const parameters = input.AuthParameters ?? {};
    if (input.AuthFlow === 'ADMIN_NO_SRP_AUTH' || input.AuthFlow === 'ADMIN_USER_PASSWORD_AUTH') {
      throw new ServiceError('InvalidParameterException', `The ${input.AuthFlow} flow is only available through AdminInitiateAuth.`);
    }
    if (!flowEnabled(client, input.AuthFlow)) {
      throw new ServiceError('InvalidParameterException', `${input.AuthFlow} flow not enabled for this client`);
    }
    switch (input.AuthFlow) {
      case 'USER_PASSWORD_AUTH':
        return passwordAuth(context, pool, client, parameters);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refreshAuth(context, pool, client, parameters);
      default:
        throw new ServiceError('InvalidParameterException', `The reference server does not implement the ${input.AuthFlow} flow.`);
    }
  },
};

/** @internal */
export function flowEnabled(client: AppClientRecord, flow: string): boolean {
  const legacyOnly = client.explicitAuthFlows.every((value) => !value.startsWith('ALLOW_'));
  if (legacyOnly && ALWAYS_ON_FOR_LEGACY_CLIENTS.has(flow)) return true;
  return (ENABLING_FLOWS[flow] ?? []).some((value) => client.explicitAuthFlows.includes(value));
}

function parameter(parameters: Record<string, string>, name: string): string {
  const value = parameters[name];
  if (value === undefined) throw new ServiceError('InvalidParameterException', `Missing required parameter ${name}`);
  return value;
}

/**
 * A client with a secret must prove it with SECRET_HASH. `usernames` are the names the hash
 * may have been computed over. A public client's SECRET_HASH is not looked at.
 */
function checkSecretHash(client: AppClientRecord, parameters: Record<string, string>, usernames: readonly string[]): void {
  if (client.secret === undefined) return;
  const presented = parameters['SECRET_HASH'];
  if (presented === undefined) {
    throw new ServiceError('NotAuthorizedException', 'Client is configured with a secret but SECRET_HASH was not received.');
  }
  const secret = client.secret;
  if (!usernames.some((name) => sameSecret(presented, secretHash(secret, name, client.clientId)))) {
    throw new ServiceError('NotAuthorizedException', 'Unable to verify secret hash for client.');
  }
}

/** USERNAME and PASSWORD (and SECRET_HASH): a new session, or the NEW_PASSWORD_REQUIRED challenge. @internal */
export function passwordAuth(context: OperationContext, pool: UserPoolRecord, client: AppClientRecord, parameters: Record<string, string>): object {
  const username = parameter(parameters, 'USERNAME');
  const password = parameter(parameters, 'PASSWORD');
  checkSecretHash(client, parameters, [username]);
  const user = pool.users.get(username);
  if (!user) {
    // With PreventUserExistenceErrors on, an unknown user looks exactly like a wrong password.
    if (client.preventUserExistenceErrors === 'ENABLED') throw incorrectCredentials();
    throw new ServiceError('UserNotFoundException', 'User does not exist.');
  }
  if (!context.store.passwordMatches(user, password)) throw incorrectCredentials();
  if (!user.enabled) throw new ServiceError('NotAuthorizedException', 'User is disabled.');
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const attributes = Object.fromEntries(userAttributes(user).filter(({ Name }) => Name !== 'sub').map(({ Name, Value }) => [Name, Value]));
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: newChallengeSession(),
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(attributes),
      },
    };
  }
  return { ChallengeParameters: {}, AuthenticationResult: context.tokens.startSession(pool, client, user) };
}

/** REFRESH_TOKEN (and SECRET_HASH): new access and ID tokens in the same session. @internal */
export function refreshAuth(context: OperationContext, pool: UserPoolRecord, client: AppClientRecord, parameters: Record<string, string>): object {
  const refreshToken = parameter(parameters, 'REFRESH_TOKEN');
  // With rotation on, only GetTokensFromRefreshToken refreshes (aws-amplify/amplify-js#14427).
  if (client.refreshTokenRotation.enabled) {
    throw new ServiceError('NotAuthorizedException', 'Refresh token rotation is enabled for this app client: use GetTokensFromRefreshToken.');
  }
  if (client.secret !== undefined && parameters['SECRET_HASH'] === undefined) checkSecretHash(client, parameters, []);
  const session = context.store.session(refreshToken);
  // A token of another client is as good as unknown here: nothing about it is revealed.
  const user = session && session.clientId === client.clientId ? pool.users.get(session.username) : undefined;
  if (!session || !user) throw new ServiceError('NotAuthorizedException', 'Invalid Refresh Token.');
  // Apps whose users sign in with an alias compute the hash over the internal name, the sub.
  checkSecretHash(client, parameters, [user.username, user.sub]);
  if (session.revoked) throw new ServiceError('NotAuthorizedException', 'Refresh Token has been revoked');
  if (context.options.now() >= session.expiresAt) throw new ServiceError('NotAuthorizedException', 'Refresh Token has expired');
  return { ChallengeParameters: {}, AuthenticationResult: context.tokens.refresh(pool, client, user, session) };
}

function incorrectCredentials(): ServiceError {
  return new ServiceError('NotAuthorizedException', 'Incorrect username or password.');
}
