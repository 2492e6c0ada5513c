import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../protocol/secret-hash.ts';
import { createReferenceService } from '../reference-service.ts';
import { addClientAndUser, call, claimsOf, ok, refresh, scenario, signIn } from '../test-support.ts';

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  it('signs in with the password and returns all three tokens', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const answer = await call(service, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: s.clientId,
      AuthParameters: { USERNAME: s.username, PASSWORD: s.password },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.ChallengeParameters).toEqual({});
    const result = answer.body.AuthenticationResult;
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(result.RefreshToken.split('.')).toHaveLength(5);
    expect(claimsOf(result.AccessToken)).toMatchObject({ token_use: 'access', client_id: s.clientId, username: s.username });
    expect(claimsOf(result.IdToken)).toMatchObject({ token_use: 'id', aud: s.clientId, email: 'alice@example.com' });
  });

  it('refuses a wrong password and an unknown user in the LEGACY way', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const wrong = await call(service, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: s.clientId,
      AuthParameters: { USERNAME: s.username, PASSWORD: 'Wrong-Pass-0' },
    });
    expect(wrong.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const nobody = await call(service, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: s.clientId,
      AuthParameters: { USERNAME: 'nobody', PASSWORD: 'x' },
    });
    expect(nobody.body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('hides unknown users when the client prevents user existence errors', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const clientId = (
      await ok(service, 'CreateUserPoolClient', {
        UserPoolId: s.poolId,
        ClientName: 'quiet',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      })
    ).UserPoolClient.ClientId;
    const nobody = await call(service, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'nobody', PASSWORD: 'x' },
    });
    expect(nobody.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('asks for the missing parameters', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const answer = await call(service, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: s.clientId, AuthParameters: { USERNAME: s.username } });
    expect(answer.body).toEqual({ __type: 'InvalidParameterException', message: 'Missing required parameter PASSWORD' });
  });

  it('needs a correct SECRET_HASH from a client with a secret', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { generateSecret: true });
    const base = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: s.clientId };
    const missing = await call(service, 'InitiateAuth', { ...base, AuthParameters: { USERNAME: s.username, PASSWORD: s.password } });
    expect(missing.body.__type).toBe('NotAuthorizedException');
    const wrong = await call(service, 'InitiateAuth', {
      ...base,
      AuthParameters: { USERNAME: s.username, PASSWORD: s.password, SECRET_HASH: secretHash(s.clientSecret ?? '', 'someone-else', s.clientId) },
    });
    expect(wrong.body).toEqual({ __type: 'NotAuthorizedException', message: 'Unable to verify secret hash for client.' });
    expect(missing.text + wrong.text).not.toContain(s.clientId);
    expect((await signIn(service, s)).AccessToken).toBeDefined();
  });

  it('refuses flows the client does not allow, and flows that belong to AdminInitiateAuth', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] });
    const answer = await call(service, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: s.clientId,
      AuthParameters: { USERNAME: s.username, PASSWORD: s.password },
    });
    expect(answer.body).toEqual({ __type: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
    const admin = await call(service, 'InitiateAuth', { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: s.clientId });
    expect(admin.body.__type).toBe('InvalidParameterException');
  });

  it('accepts the legacy USER_PASSWORD_AUTH client setting, which also allows refreshing', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { explicitAuthFlows: ['USER_PASSWORD_AUTH'] });
    const tokens = await signIn(service, s);
    expect((await refresh(service, s, tokens.RefreshToken)).status).toBe(200);
  });

  it('says plainly when a valid flow is not implemented here', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    const answer = await call(service, 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: s.clientId,
      AuthParameters: { USERNAME: s.username, SRP_A: 'a' },
    });
    expect(answer.body).toEqual({ __type: 'InvalidParameterException', message: 'The reference server does not implement the USER_SRP_AUTH flow.' });
  });

  it('answers ResourceNotFoundException for an unknown client, without repeating its id', async () => {
    const service = createReferenceService();
    const answer = await call(service, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nosuchclient', AuthParameters: {} });
    expect(answer.body).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client does not exist.' });
  });
});

describe('InitiateAuth REFRESH_TOKEN_AUTH', () => {
  it('returns new access and ID tokens in the same family, and no refresh token', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      const answer = await call(service, 'InitiateAuth', { AuthFlow: flow, ClientId: s.clientId, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } });
      expect(answer.status).toBe(200);
      expect(answer.body.AuthenticationResult).not.toHaveProperty('RefreshToken');
      const renewed = claimsOf(answer.body.AuthenticationResult.AccessToken);
      expect(renewed['origin_jti']).toBe(claimsOf(tokens.AccessToken)['origin_jti']);
      expect(renewed['jti']).not.toBe(claimsOf(tokens.AccessToken)['jti']);
    }
  });

  it("calls an unknown token, or another client's, an invalid refresh token", async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const other = await addClientAndUser(service, s.poolId, { username: 'bob' });
    const garbage = await refresh(service, s, 'not.a.real.refresh.token');
    expect(garbage.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    const foreign = await refresh(service, s, (await signIn(service, other)).RefreshToken);
    expect(foreign.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
  });

  it('reports an expired refresh token', async () => {
    let now = 1_700_000_000_000;
    const service = createReferenceService({ now: () => now, tokenLifetimes: { refreshSeconds: 60 } });
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    now += 60_000;
    expect((await refresh(service, s, tokens.RefreshToken)).body).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has expired' });
  });

  it('checks SECRET_HASH over the username or the sub for a client with a secret', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { generateSecret: true });
    const tokens = await signIn(service, s);
    const secret = s.clientSecret ?? '';
    const sub = String(claimsOf(tokens.AccessToken)['sub']);
    const attempt = (parameters: Record<string, string>) =>
      call(service, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: s.clientId,
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken, ...parameters },
      });
    expect((await attempt({})).body.__type).toBe('NotAuthorizedException');
    expect((await attempt({ SECRET_HASH: 'AAAA' })).body.message).toBe('Unable to verify secret hash for client.');
    expect((await attempt({ SECRET_HASH: secretHash(secret, s.username, s.clientId) })).status).toBe(200);
    expect((await attempt({ SECRET_HASH: secretHash(secret, sub, s.clientId) })).status).toBe(200);
  });

  it('needs ALLOW_REFRESH_TOKEN_AUTH on a client with ALLOW_ flows', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const tokens = await signIn(service, s);
    expect((await refresh(service, s, tokens.RefreshToken)).body.message).toBe('REFRESH_TOKEN_AUTH flow not enabled for this client');
  });
});
