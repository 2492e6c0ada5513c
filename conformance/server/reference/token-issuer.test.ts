import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY } from './password-policy.ts';
import { Rs256Jwt } from './rs256-jwt.ts';
import { type AppClientRecord, StateStore, type UserPoolRecord, type UserRecord } from './state-store.ts';
import { TokenIssuer } from './token-issuer.ts';

const pool: UserPoolRecord = { id: 'us-east-1_abc', name: 'p', arn: 'arn', createdAt: 0, passwordPolicy: DEFAULT_PASSWORD_POLICY, users: new Map() };
const user: UserRecord = {
  username: 'alice',
  sub: 'sub-1',
  attributes: new Map([
    ['email', 'a@example.com'],
    ['email_verified', 'true'],
    ['sub', 'shadow'],
    ['token_use', 'shadow'],
  ]),
  status: 'CONFIRMED',
  enabled: true,
  createdAt: 0,
  modifiedAt: 0,
};

function client(enableTokenRevocation: boolean): AppClientRecord {
  return {
    poolId: pool.id,
    clientId: 'client1',
    clientName: 'c',
    secret: undefined,
    explicitAuthFlows: [],
    enableTokenRevocation,
    refreshTokenRotation: { enabled: false, retryGracePeriodSeconds: 0 },
    preventUserExistenceErrors: 'LEGACY',
    createdAt: 0,
  };
}

function setup(now = 1_700_000_000_000) {
  const jwt = new Rs256Jwt();
  const store = new StateStore();
  let clock = now;
  const issuer = new TokenIssuer(jwt, store, () => clock, 'us-east-1', { accessSeconds: 3600, idSeconds: 1800, refreshSeconds: 86_400 });
  return { jwt, store, issuer, advance: (ms: number) => (clock += ms) };
}

describe('TokenIssuer', () => {
  it('starts a session: a stored refresh token and access and ID tokens with the documented claims', () => {
    const { jwt, store, issuer } = setup();
    const tokens = issuer.startSession(pool, client(true), user);
    const session = store.session(tokens.RefreshToken);
    expect(session).toMatchObject({ clientId: 'client1', username: 'alice', revoked: false, expiresAt: 1_700_000_000_000 + 86_400_000 });
    const access = jwt.verify(tokens.AccessToken);
    expect(access).toMatchObject({
      sub: 'sub-1',
      token_use: 'access',
      client_id: 'client1',
      origin_jti: session?.originJti,
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    const id = jwt.verify(tokens.IdToken);
    expect(id).toMatchObject({
      sub: 'sub-1',
      token_use: 'id',
      aud: 'client1',
      origin_jti: session?.originJti,
      'cognito:username': 'alice',
      email: 'a@example.com',
      email_verified: true,
      exp: 1_700_001_800,
    });
    expect(access?.['jti']).not.toBe(id?.['jti']);
    expect(tokens).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
  });

  it('refreshes within the session: same origin_jti, new jti, no refresh token', () => {
    const { jwt, store, issuer, advance } = setup();
    const first = issuer.startSession(pool, client(true), user);
    const session = store.session(first.RefreshToken);
    if (!session) throw new Error('no session');
    advance(60_000);
    const second = issuer.refresh(pool, client(true), user, session);
    expect(second).not.toHaveProperty('RefreshToken');
    const before = jwt.verify(first.AccessToken);
    const after = jwt.verify(second.AccessToken);
    expect(after?.['origin_jti']).toBe(before?.['origin_jti']);
    expect(after?.['jti']).not.toBe(before?.['jti']);
    expect(after?.['iat']).toBe(1_700_000_060);
    expect(after?.['auth_time']).toBe(before?.['auth_time']);
  });

  it('gives separate sign-ins separate families', () => {
    const { jwt, issuer } = setup();
    const one = jwt.verify(issuer.startSession(pool, client(true), user).AccessToken);
    const two = jwt.verify(issuer.startSession(pool, client(true), user).AccessToken);
    expect(one?.['origin_jti']).not.toBe(two?.['origin_jti']);
  });

  it('leaves origin_jti out when the client has revocation off', () => {
    const { jwt, issuer } = setup();
    const tokens = issuer.startSession(pool, client(false), user);
    expect(jwt.verify(tokens.AccessToken)).not.toHaveProperty('origin_jti');
    expect(jwt.verify(tokens.IdToken)).not.toHaveProperty('origin_jti');
    expect(jwt.verify(tokens.AccessToken)).toHaveProperty('jti');
  });
});
