import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { call, scenario, signIn } from '../test-support.ts';

describe('GetUser', () => {
  it('describes the user of a valid access token', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    const answer = await call(service, 'GetUser', { AccessToken: tokens.AccessToken });
    expect(answer.status).toBe(200);
    expect(answer.body.Username).toBe('alice');
    expect(answer.body.UserAttributes.map((attribute: { Name: string }) => attribute.Name)).toEqual(['sub', 'email']);
  });

  it('refuses ID tokens, foreign tokens and junk as invalid access tokens', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    const elsewhere = createReferenceService();
    const foreign = await signIn(elsewhere, await scenario(elsewhere));
    for (const token of [tokens.IdToken, tokens.RefreshToken, foreign.AccessToken, 'abc']) {
      expect((await call(service, 'GetUser', { AccessToken: token })).body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    }
  });

  it('reports an expired access token, on the injected clock', async () => {
    let now = 1_700_000_000_000;
    const service = createReferenceService({ now: () => now });
    const tokens = await signIn(service, await scenario(service));
    now += 3_599_000;
    expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).status).toBe(200);
    now += 1_000;
    expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
  });

  it('refuses a token whose session was revoked', async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    await call(service, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId });
    const answer = await call(service, 'GetUser', { AccessToken: tokens.AccessToken });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    expect(answer.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
  });

  it('validates the token against the Token pattern without quoting it', async () => {
    const service = createReferenceService();
    const answer = await call(service, 'GetUser', { AccessToken: 'bad token' });
    expect(answer.body.message).toBe(
      "1 validation error detected: Value at 'accessToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+",
    );
  });
});
