import { describe, expect, it } from 'vitest';
import type { ReferenceServiceOptions } from '../options.ts';
import { createReferenceService } from '../reference-service.ts';
import { addClientAndUser, call, refresh, type Scenario, scenario, signIn } from '../test-support.ts';

async function setup(options: ReferenceServiceOptions = {}, scenarioOptions: Parameters<typeof scenario>[1] = {}) {
  const service = createReferenceService(options);
  const s = await scenario(service, scenarioOptions);
  const revoke = (token: string, of: Scenario = s, extra: Record<string, unknown> = {}) =>
    call(service, 'RevokeToken', { Token: token, ClientId: of.clientId, ...(of.clientSecret ? { ClientSecret: of.clientSecret } : {}), ...extra });
  return { service, s, revoke };
}

describe('RevokeToken', () => {
  it('answers 200 {} and ends the session: refresh token and every access token of the family', async () => {
    const { service, s, revoke } = await setup();
    const tokens = await signIn(service, s);
    const renewed = (await refresh(service, s, tokens.RefreshToken)).body.AuthenticationResult.AccessToken as string;
    const answer = await revoke(tokens.RefreshToken);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{}');
    for (const token of [tokens.AccessToken, renewed]) {
      expect((await call(service, 'GetUser', { AccessToken: token })).body.message).toBe('Access Token has been revoked');
    }
    expect((await refresh(service, s, tokens.RefreshToken)).body).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it("leaves the user's other sessions alone", async () => {
    const { service, s, revoke } = await setup();
    const ended = await signIn(service, s);
    const kept = await signIn(service, s);
    await revoke(ended.RefreshToken);
    expect((await call(service, 'GetUser', { AccessToken: kept.AccessToken })).status).toBe(200);
    expect((await refresh(service, s, kept.RefreshToken)).status).toBe(200);
  });

  it('takes RevokeAssociatedSessions without changing what is revoked', async () => {
    const { service, s, revoke } = await setup();
    const ended = await signIn(service, s);
    const kept = await signIn(service, s);
    expect((await revoke(ended.RefreshToken, s, { RevokeAssociatedSessions: 'LINKED' })).status).toBe(200);
    expect((await call(service, 'GetUser', { AccessToken: kept.AccessToken })).status).toBe(200);
  });

  it('answers 200 {} to a second revoke of the same token (observed, semantics research section 8)', async () => {
    const { service, s, revoke } = await setup();
    const tokens = await signIn(service, s);
    for (let time = 0; time < 2; time += 1) {
      const answer = await revoke(tokens.RefreshToken);
      expect([answer.status, answer.text]).toEqual([200, '{}']);
    }
  });

  it.each([['NONE'], ['LINKED'], [undefined]])(
    "RevokeAssociatedSessions %s ends that session only: the same user's other sessions and other users' stay (no SSO session exists here)",
    async (mode) => {
      const { service, s, revoke } = await setup();
      const other = await addClientAndUser(service, s.poolId, { username: 'bob' });
      const ended = await signIn(service, s);
      const sameUser = await signIn(service, s);
      const otherUser = await signIn(service, other);
      const answer = await revoke(ended.RefreshToken, s, mode === undefined ? {} : { RevokeAssociatedSessions: mode });
      expect([answer.status, answer.text]).toEqual([200, '{}']);
      expect((await call(service, 'GetUser', { AccessToken: ended.AccessToken })).status).toBe(400);
      for (const [of, tokens] of [
        [s, sameUser],
        [other, otherUser],
      ] as const) {
        expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).status).toBe(200);
        expect((await refresh(service, of, tokens.RefreshToken)).status).toBe(200);
      }
    },
  );

  it('refuses access and ID tokens with UnsupportedTokenTypeException', async () => {
    const { service, s, revoke } = await setup();
    const tokens = await signIn(service, s);
    for (const token of [tokens.AccessToken, tokens.IdToken]) {
      const answer = await revoke(token);
      expect(answer.status).toBe(400);
      expect(answer.body.__type).toBe('UnsupportedTokenTypeException');
    }
    expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).status).toBe(200);
  });

  it('answers UnsupportedOperationException when the client has revocation off', async () => {
    const { service, s, revoke } = await setup({}, { enableTokenRevocation: false });
    const tokens = await signIn(service, s);
    const answer = await revoke(tokens.RefreshToken);
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('UnsupportedOperationException');
    expect((await refresh(service, s, tokens.RefreshToken)).status).toBe(200);
  });

  it('needs the right ClientSecret from a confidential client: 401 UnauthorizedException otherwise', async () => {
    const { service, s, revoke } = await setup({}, { generateSecret: true });
    const tokens = await signIn(service, s);
    const missing = await call(service, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId });
    const wrong = await revoke(tokens.RefreshToken, s, { ClientSecret: 'x'.repeat(51) });
    for (const answer of [missing, wrong]) {
      expect(answer.status).toBe(401);
      expect(answer.body.__type).toBe('UnauthorizedException');
      expect(answer.headers.get('x-amzn-errortype')).toBe('UnauthorizedException:');
      expect(answer.text).not.toContain(s.clientSecret ?? '-');
    }
    expect((await refresh(service, s, tokens.RefreshToken)).status).toBe(200);
    expect((await revoke(tokens.RefreshToken)).status).toBe(200);
  });

  it('checks the secret before the revocation switch', async () => {
    const { service, s } = await setup({}, { generateSecret: true, enableTokenRevocation: false });
    const tokens = await signIn(service, s);
    const answer = await call(service, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId });
    expect(answer.body.__type).toBe('UnauthorizedException');
  });

  it('validates input: pattern and length violations are InvalidParameterException that quote nothing', async () => {
    const { service } = await setup();
    const answer = await call(service, 'RevokeToken', { Token: 'secret token', ClientId: 'client-with-dash' });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('InvalidParameterException');
    expect(answer.body.message).toMatch(/^2 validation errors detected: Value at 'token'/);
    expect(answer.text).not.toContain('secret token');
    expect(answer.text).not.toContain('client-with-dash');
  });

  describe('cases the real service leaves unverified', () => {
    it('by default answers success for a second revoke and for an unknown token', async () => {
      const { service, s, revoke } = await setup();
      const tokens = await signIn(service, s);
      expect((await revoke(tokens.RefreshToken)).status).toBe(200);
      expect((await revoke(tokens.RefreshToken)).status).toBe(200);
      expect((await revoke('eyJjdHkiOiJKV1QifQ.unknown.token.value.here')).status).toBe(200);
    });

    it("by default refuses another client's token with UnauthorizedException, and never revokes it", async () => {
      const { service, s, revoke } = await setup();
      const other = await addClientAndUser(service, s.poolId, { username: 'bob' });
      const theirs = await signIn(service, other);
      const answer = await revoke(theirs.RefreshToken, s);
      expect(answer.body).toEqual({ __type: 'UnauthorizedException', message: 'The refresh token was not issued to this app client.' });
      expect((await refresh(service, other, theirs.RefreshToken)).status).toBe(200);
    });

    it('by default refuses an unknown client with UnauthorizedException', async () => {
      const { revoke, s } = await setup();
      const answer = await revoke('abc', { ...s, clientId: 'nosuchclient' });
      expect(answer.status).toBe(401);
    });

    it('by default ignores a ClientSecret sent for a public client', async () => {
      const { service, s, revoke } = await setup();
      const tokens = await signIn(service, s);
      expect((await revoke(tokens.RefreshToken, s, { ClientSecret: 'a'.repeat(30) })).status).toBe(200);
    });

    it('follows the configured outcome instead', async () => {
      const { service, s, revoke } = await setup({
        revokeToken: {
          alreadyRevokedToken: { error: 'InvalidParameterException', message: 'already gone' },
          unknownToken: { error: 'UnsupportedTokenTypeException' },
          otherClientsToken: 'succeed',
          unknownClient: 'succeed',
          secretForPublicClient: { error: 'UnauthorizedException' },
        },
      });
      const other = await addClientAndUser(service, s.poolId, { username: 'bob' });
      const theirs = await signIn(service, other);
      const mine = await signIn(service, s);
      expect((await revoke(mine.RefreshToken)).status).toBe(200);
      expect((await revoke(mine.RefreshToken)).body).toEqual({ __type: 'InvalidParameterException', message: 'already gone' });
      expect((await revoke('unknown.token')).body).toEqual({ __type: 'UnsupportedTokenTypeException', message: 'The refresh token is not valid.' });
      expect((await revoke(theirs.RefreshToken, s)).status).toBe(200);
      // 'succeed' for another client's token still leaves that token working.
      expect((await refresh(service, other, theirs.RefreshToken)).status).toBe(200);
      expect((await revoke('abc', { ...s, clientId: 'nosuchclient' })).status).toBe(200);
      expect((await revoke('abc', s, { ClientSecret: 'a'.repeat(30) })).status).toBe(401);
    });
  });
});
