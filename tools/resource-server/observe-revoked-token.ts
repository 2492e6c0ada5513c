import type { Observation } from './observation.ts';
import type { OfflineVerifier } from './offline-verifier.ts';

/** One awsJson 1.1 call to the user-pool API: the status and the parsed body. */
export type CallApi = (operation: string, input: Record<string, unknown>) => Promise<{ status: number; body: Record<string, unknown> }>;

export interface ObserveOptions {
  call: CallApi;
  /** The pool's JWKS, fetched once as a resource server would at start-up. */
  fetchJwks: (userPoolId: string) => Promise<unknown>;
  makeVerifier: (jwks: unknown, userPoolId: string, clientId: string) => OfflineVerifier;
}

export class ObserveSetupError extends Error {
  override name = 'ObserveSetupError';
}

const PASSWORD = 'Resource-Server-9';

async function must(call: CallApi, operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await call(operation, input);
  if (answer.status !== 200)
    throw new ObserveSetupError(`${operation} answered ${answer.status} ${String(answer.body['__type'] ?? '')}: the lane could not set up its user`);
  return answer.body;
}

const field = (value: unknown, ...path: string[]): string => {
  let at = value;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  if (typeof at !== 'string') throw new ObserveSetupError(`the answer has no ${path.join('.')}`);
  return at;
};

const errorName = (body: Record<string, unknown>) => String(body['__type'] ?? 'an error without __type').replace(/^.*#/, '');

/**
 * Signs a user in on a client with token revocation on, revokes the refresh token, and asks
 * both judges of the access token, before and after: the user-pool API (GetUser) and an
 * offline JWT verifier holding the pool's JWKS. The two edited-token and before-revoke
 * steps are controls: they show the verifier really checks signatures and claims, so its
 * acceptance after the revoke means something.
 */
export async function observeRevokedToken({ call, fetchJwks, makeVerifier }: ObserveOptions): Promise<Observation[]> {
  const poolId = field(await must(call, 'CreateUserPool', { PoolName: 'resource-server' }), 'UserPool', 'Id');
  const clientId = field(
    await must(call, 'CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'app',
      EnableTokenRevocation: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
    'UserPoolClient',
    'ClientId',
  );
  await must(call, 'AdminCreateUser', { UserPoolId: poolId, Username: 'reader', MessageAction: 'SUPPRESS' });
  await must(call, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'reader', Password: PASSWORD, Permanent: true });
  const signedIn = await must(call, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'reader', PASSWORD } });
  const access = field(signedIn, 'AuthenticationResult', 'AccessToken');
  const id = field(signedIn, 'AuthenticationResult', 'IdToken');
  const refresh = field(signedIn, 'AuthenticationResult', 'RefreshToken');
  const verifier = makeVerifier(await fetchJwks(poolId), poolId, clientId);

  const api = async (obsId: string, step: string): Promise<Observation> => {
    const answer = await call('GetUser', { AccessToken: access });
    return answer.status === 200
      ? { id: obsId, judge: 'user-pool API', step, seen: 'accepted', detail: 'GetUser answered 200 with the user' }
      : { id: obsId, judge: 'user-pool API', step, seen: 'refused', detail: `GetUser answered ${answer.status} ${errorName(answer.body)}` };
  };
  const offline = async (obsId: string, step: string, token: string, use: 'access' | 'id'): Promise<Observation> => {
    const verdict = await verifier.verify(token, use);
    return verdict.accepted
      ? { id: obsId, judge: 'JWT verifier', step, seen: 'accepted', detail: `signature, issuer, token_use ${use}, client and expiry all check out` }
      : { id: obsId, judge: 'JWT verifier', step, seen: 'refused', detail: verdict.error };
  };

  const observations: Observation[] = [
    await api('api-before-revoke', 'GetUser with the access token, before sign-out'),
    await offline('verifier-before-revoke', 'the verifier checks the access token, before sign-out', access, 'access'),
  ];
  const revoked = await call('RevokeToken', { Token: refresh, ClientId: clientId });
  observations.push({
    id: 'revoke-token',
    judge: 'user-pool API',
    step: 'RevokeToken with the refresh token (sign-out)',
    seen: revoked.status === 200 ? 'accepted' : 'refused',
    detail: revoked.status === 200 ? 'RevokeToken answered 200' : `RevokeToken answered ${revoked.status} ${errorName(revoked.body)}`,
  });
  observations.push(
    await api('api-after-revoke', 'GetUser with the same access token, after sign-out'),
    await offline('verifier-after-revoke', 'the verifier checks the same access token offline, after sign-out', access, 'access'),
    await offline('verifier-id-token-after-revoke', 'the verifier checks the ID token of the session offline, after sign-out', id, 'id'),
    await offline('verifier-edited-token', 'the verifier checks the access token with one claim edited (control)', editedToken(access), 'access'),
  );
  return observations;
}

/** The token with its username claim changed and the signature kept: no verifier worth its name takes it. */
export function editedToken(token: string): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, username: `${String(claims['username'])}-edited` })).toString('base64url')}.${signature}`;
}
