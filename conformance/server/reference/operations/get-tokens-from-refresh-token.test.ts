import { describe, expect, it } from 'vitest';
import type { ReferenceServiceOptions } from '../options.ts';
import { createReferenceService } from '../reference-service.ts';
import { call, refresh, type Scenario, type ScenarioOptions, scenario, signIn } from '../test-support.ts';

async function setup(scenarioOptions: ScenarioOptions = {}, options: ReferenceServiceOptions = {}) {
  const service = createReferenceService(options);
  const s = await scenario(service, scenarioOptions);
  const getTokens = (token: string, of: Scenario = s, extra: Record<string, unknown> = {}) =>
    call(service, 'GetTokensFromRefreshToken', {
      RefreshToken: token,
      ClientId: of.clientId,
      ...(of.clientSecret ? { ClientSecret: of.clientSecret } : {}),
      ...extra,
    });
  return { service, s, getTokens };
}

const rotation = (grace: number): ScenarioOptions => ({ refreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: grace } });

describe('GetTokensFromRefreshToken', () => {
  it('with rotation off answers new access and ID tokens and no refresh token, and the token keeps working', async () => {
    const { service, s, getTokens } = await setup();
    const tokens = await signIn(service, s);
    for (let time = 0; time < 2; time += 1) {
      const answer = await getTokens(tokens.RefreshToken);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body.AuthenticationResult).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    }
    expect((await refresh(service, s, tokens.RefreshToken)).status).toBe(200);
  });

  it('with rotation on answers a new refresh token; REFRESH_TOKEN_AUTH and REFRESH_TOKEN are refused on that client', async () => {
    const { service, s, getTokens } = await setup(rotation(0));
    const tokens = await signIn(service, s);
    const answer = await getTokens(tokens.RefreshToken);
    expect(answer.status).toBe(200);
    const next = answer.body.AuthenticationResult.RefreshToken as string;
    expect(typeof next).toBe('string');
    expect(next).not.toBe(tokens.RefreshToken);
    expect((await refresh(service, s, next)).body.__type).toBe('NotAuthorizedException');
    const legacy = await call(service, 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN', ClientId: s.clientId, AuthParameters: { REFRESH_TOKEN: next } });
    expect(legacy.status).toBe(400);
    expect((await getTokens(next)).status).toBe(200);
  });

  it('with a grace period of 0 refuses the rotated-out token at once', async () => {
    const { service, s, getTokens } = await setup(rotation(0));
    const tokens = await signIn(service, s);
    expect((await getTokens(tokens.RefreshToken)).status).toBe(200);
    const again = await getTokens(tokens.RefreshToken);
    expect(again.status).toBe(400);
    expect(again.body.__type).toBe('RefreshTokenReuseException');
  });

  it('keeps the rotated-out token working for RetryGracePeriodSeconds, then not', async () => {
    let now = Date.UTC(2026, 11, 7);
    const { service, s, getTokens } = await setup(rotation(60), { now: () => now });
    const tokens = await signIn(service, s);
    expect((await getTokens(tokens.RefreshToken)).status).toBe(200);
    now += 59_000;
    expect((await getTokens(tokens.RefreshToken)).status).toBe(200);
    now += 1_000;
    expect((await getTokens(tokens.RefreshToken)).body.__type).toBe('RefreshTokenReuseException');
  });

  it('retires the current token too when a retry within the grace period presents an older one: one current token per session', async () => {
    let now = Date.UTC(2026, 11, 7);
    const { service, s, getTokens } = await setup(rotation(10), { now: () => now });
    const first = (await signIn(service, s)).RefreshToken;
    const second = (await getTokens(first)).body.AuthenticationResult.RefreshToken as string;
    now += 5_000;
    const third = (await getTokens(first)).body.AuthenticationResult.RefreshToken as string;
    expect(third).not.toBe(second);
    now += 11_000;
    for (const token of [first, second]) expect((await getTokens(token)).body.__type).toBe('RefreshTokenReuseException');
    expect((await getTokens(third)).status).toBe(200);
  });

  it('after RevokeToken refuses every token of the family, rotated ones included, and their access tokens', async () => {
    const { service, s, getTokens } = await setup(rotation(60));
    const tokens = await signIn(service, s);
    const rotated = (await getTokens(tokens.RefreshToken)).body.AuthenticationResult;
    expect((await call(service, 'RevokeToken', { Token: rotated.RefreshToken, ClientId: s.clientId })).status).toBe(200);
    for (const token of [tokens.RefreshToken, rotated.RefreshToken]) expect((await getTokens(token)).body.message).toBe('Refresh Token has been revoked');
    for (const token of [tokens.AccessToken, rotated.AccessToken]) expect((await call(service, 'GetUser', { AccessToken: token })).status).toBe(400);
  });

  it('needs the right secret on a confidential client, and refuses another client of the pool', async () => {
    const { service, s, getTokens } = await setup({ generateSecret: true });
    const tokens = await signIn(service, s);
    for (const extra of [{ ClientSecret: undefined }, { ClientSecret: 'A'.repeat(40) }]) {
      const answer = await getTokens(tokens.RefreshToken, { ...s, clientSecret: undefined }, extra.ClientSecret ? extra : {});
      expect(answer.body.__type).toBe('NotAuthorizedException');
    }
    const other = await scenario(service);
    expect((await getTokens(tokens.RefreshToken, other)).body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    expect((await getTokens(tokens.RefreshToken)).status).toBe(200);
  });

  it('refuses an unknown client with ResourceNotFoundException', async () => {
    const { getTokens, s } = await setup();
    expect((await getTokens('abc', { ...s, clientId: 'nosuchclient' })).body.__type).toBe('ResourceNotFoundException');
  });
});
