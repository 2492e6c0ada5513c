import { randomBytes } from 'node:crypto';
import type { SensitiveValues } from '../../redaction/redact.ts';
import type { AwsJsonClient, CallResult } from './aws-json-client.ts';

/**
 * The three kinds of app client the semantics need: one without a secret, one with, and one
 * created with token revocation switched off.
 * @internal
 */
export type ClientRole = 'public' | 'confidential' | 'revocationOff';

/** @internal */
export const CLIENT_ROLES: readonly ClientRole[] = ['public', 'confidential', 'revocationOff'];

/** @internal */
export interface ProvisionedClient {
  role: ClientRole;
  clientId: string;
  clientSecret: string | undefined;
  revocation: boolean;
}

/**
 * What one run creates on the server under test, all of it new and randomly named: a user
 * pool, one app client per role and one confirmed user with a permanent password.
 * @internal
 */
export interface World {
  poolId: string;
  clients: Readonly<Record<ClientRole, ProvisionedClient>>;
  username: string;
  password: string;
}

/**
 * A call a case depends on, other than the one it judges, failed: the case cannot be judged
 * and fails rule H2 with this message.
 * @internal
 */
export class SetupError extends Error {
  override name = 'SetupError';
  constructor(
    readonly step: string,
    detail: string,
  ) {
    super(`${step}: ${detail}`);
  }
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Meets Cognito's default password policy: upper and lower case, a digit and a symbol. */
function newPassword(): string {
  return `Rt-${randomBytes(12).toString('base64url')}-7aZ!`;
}

async function must(result: Promise<CallResult>, step: string): Promise<Record<string, unknown>> {
  const settled = await result;
  if (!settled.ok) throw new SetupError(step, settled.detail);
  return settled.output;
}

function field(output: Record<string, unknown>, step: string, ...path: string[]): string {
  let value: unknown = output;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string' || value === '') throw new SetupError(step, `the answer has no ${path.join('.')}`);
  return value;
}

/**
 * Creates the run's pool, clients and user. The username looks like an e-mail address so that
 * servers configured to sign users in by e-mail (cognito-local's default) accept it too.
 * @internal
 */
export async function provisionWorld(api: AwsJsonClient, sensitive: SensitiveValues): Promise<World> {
  const run = hex(4);
  const pool = await must(api.call('CreateUserPool', { PoolName: `revoketoken-conformance-${run}` }, { signed: true }), 'CreateUserPool');
  const poolId = field(pool, 'CreateUserPool', 'UserPool', 'Id');

  const clients = {} as Record<ClientRole, ProvisionedClient>;
  for (const role of CLIENT_ROLES) {
    const step = `CreateUserPoolClient (${role})`;
    const created = await must(
      api.call(
        'CreateUserPoolClient',
        {
          UserPoolId: poolId,
          ClientName: `rt-${role}-${run}`,
          GenerateSecret: role === 'confidential',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          EnableTokenRevocation: role !== 'revocationOff',
        },
        { signed: true },
      ),
      step,
    );
    const clientId = field(created, step, 'UserPoolClient', 'ClientId');
    const clientSecret = role === 'confidential' ? field(created, step, 'UserPoolClient', 'ClientSecret') : undefined;
    sensitive.add(clientId, clientSecret);
    clients[role] = { role, clientId, clientSecret, revocation: role !== 'revocationOff' };
  }

  const username = `rt-${hex(6)}@example.com`;
  const temporary = newPassword();
  const password = newPassword();
  sensitive.add(username, temporary, password);
  await must(
    api.call('AdminCreateUser', { UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: temporary }, { signed: true }),
    'AdminCreateUser',
  );
  await must(
    api.call('AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: password, Permanent: true }, { signed: true }),
    'AdminSetUserPassword',
  );
  return { poolId, clients, username, password };
}
