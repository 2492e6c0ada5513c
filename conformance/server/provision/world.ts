import { randomBytes } from 'node:crypto';
import type { SensitiveValues } from '../../redaction/redact.ts';
import type { AwsJsonClient, CallResult } from './aws-json-client.ts';

/**
 * The kinds of app client the semantics need: one without a secret, one with, one created
 * with token revocation switched off, two with refresh-token rotation on (a grace period of 0
 * and of 60 seconds, the documented extremes), and one created with every optional member left
 * out, whose defaults the documentation gives.
 * @internal
 */
export type ClientRole = 'public' | 'confidential' | 'revocationOff' | 'rotating' | 'rotatingWithGrace' | 'defaults';

/** @internal */
export const CLIENT_ROLES: readonly ClientRole[] = ['public', 'confidential', 'revocationOff', 'rotating', 'rotatingWithGrace', 'defaults'];

/**
 * The clients a user can sign in on with USER_PASSWORD_AUTH. The defaults client allows only
 * the documented default flows (refresh, SRP and custom auth), none of which the suite speaks.
 * @internal
 */
export const SIGN_IN_ROLES: readonly ClientRole[] = ['public', 'confidential', 'revocationOff', 'rotating', 'rotatingWithGrace'];

/** The clients the runs before 2026 knew, whose tokens the protocol probes use. @internal */
export const CLASSIC_ROLES: readonly ClientRole[] = ['public', 'confidential', 'revocationOff'];

/** Grace period of the rotating clients, in seconds (API_RefreshTokenRotationType: 0 to 60). @internal */
export const GRACE_SECONDS: Readonly<Partial<Record<ClientRole, number>>> = { rotating: 0, rotatingWithGrace: 60 };

/** @internal */
export interface ProvisionedClient {
  role: ClientRole;
  clientId: string;
  clientSecret: string | undefined;
  revocation: boolean;
  /** Refresh-token rotation: the grace period in seconds, or undefined where rotation is off. */
  rotationGraceSeconds: number | undefined;
  /** The UserPoolClient the creating call answered (judged for the defaults client). */
  described: Record<string, unknown>;
}

/** One user of the run's pool. @internal */
export interface WorldUser {
  username: string;
  password: string;
}

/** Users the run creates: enough for one user's revocation to be seen not to reach another's sessions. @internal */
export const USER_COUNT = 2;

/** The CreateUserPoolClient input of each role. The defaults client sends only the required members. */
function clientInput(role: ClientRole, poolId: string, name: string): Record<string, unknown> {
  if (role === 'defaults') return { UserPoolId: poolId, ClientName: name };
  const grace = GRACE_SECONDS[role];
  return {
    UserPoolId: poolId,
    ClientName: name,
    GenerateSecret: role === 'confidential',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    EnableTokenRevocation: role !== 'revocationOff',
    ...(grace === undefined ? {} : { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: grace } }),
  };
}

/**
 * What one run creates on the server under test, all of it new and randomly named: a user
 * pool, one app client per role and confirmed users with permanent passwords. `username` and
 * `password` are the first user's.
 * @internal
 */
export interface World {
  poolId: string;
  clients: Readonly<Record<ClientRole, ProvisionedClient>>;
  users: readonly WorldUser[];
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
 * Creates `USER_COUNT` confirmed users with permanent passwords in the pool. `label` tells
 * apart the setup steps of each batch in a SetupError.
 * @internal
 */
export async function provisionUsers(api: AwsJsonClient, poolId: string, sensitive: SensitiveValues, label = ''): Promise<WorldUser[]> {
  const users: WorldUser[] = [];
  for (let n = 0; n < USER_COUNT; n += 1) {
    const username = `rt-${hex(6)}@example.com`;
    const temporary = newPassword();
    const password = newPassword();
    sensitive.add(username, temporary, password);
    api.remember(temporary, password);
    const which = [n === 0 ? '' : `user ${n + 1}`, label].filter(Boolean).join(', ');
    const step = (operation: string) => (which === '' ? operation : `${operation} (${which})`);
    await must(
      api.call('AdminCreateUser', { UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: temporary }, { signed: true }),
      step('AdminCreateUser'),
    );
    await must(
      api.call('AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: password, Permanent: true }, { signed: true }),
      step('AdminSetUserPassword'),
    );
    users.push({ username, password });
  }
  return users;
}

/**
 * The run's world with users of its own for one sequence. The model then knows every session
 * those users have, so the final sweep sees any of them that a revoke reached by mistake, and
 * their sign-ins are numbered from the first on every client: a server that keys revocation on
 * such a number (per user, per client) ends a session the sweep re-checks.
 * @internal
 */
export async function withOwnUsers(world: World, api: AwsJsonClient, sensitive: SensitiveValues): Promise<World> {
  const users = await provisionUsers(api, world.poolId, sensitive, 'for the sequence');
  return { ...world, users, username: users[0]!.username, password: users[0]!.password };
}

/**
 * Creates the run's pool, clients and users. The username looks like an e-mail address so that
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
    const created = await must(api.call('CreateUserPoolClient', clientInput(role, poolId, `rt-${role}-${run}`), { signed: true }), step);
    const clientId = field(created, step, 'UserPoolClient', 'ClientId');
    const clientSecret = role === 'confidential' ? field(created, step, 'UserPoolClient', 'ClientSecret') : undefined;
    sensitive.add(clientId, clientSecret);
    api.remember(clientSecret);
    clients[role] = {
      role,
      clientId,
      clientSecret,
      revocation: role !== 'revocationOff',
      rotationGraceSeconds: GRACE_SECONDS[role],
      described: created['UserPoolClient'] as Record<string, unknown>,
    };
  }

  const users = await provisionUsers(api, poolId, sensitive);
  const first = users[0]!;
  return { poolId, clients, users, username: first.username, password: first.password };
}
