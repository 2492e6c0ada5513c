import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { addClientAndUser, call, refresh, scenario, signIn } from '../test-support.ts';

describe('GlobalSignOut', () => {
  it("ends every session of the user, on every app client, and no other user's", async () => {
    const service = createReferenceService();
    const alice = await scenario(service);
    const aliceElsewhere = await addClientAndUser(service, alice.poolId, { generateSecret: true });
    const bob = await addClientAndUser(service, alice.poolId, { username: 'bob' });
    const [first, second, other, bobs] = [
      await signIn(service, alice),
      await signIn(service, alice),
      await signIn(service, aliceElsewhere),
      await signIn(service, bob),
    ];

    expect(await call(service, 'GlobalSignOut', { AccessToken: first.AccessToken })).toMatchObject({ status: 200, body: {} });

    for (const tokens of [first, second, other])
      expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).body).toEqual({
        __type: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      });
    expect((await refresh(service, alice, second.RefreshToken)).body.message).toBe('Refresh Token has been revoked');
    expect((await refresh(service, aliceElsewhere, other.RefreshToken)).body.message).toBe('Refresh Token has been revoked');
    expect((await call(service, 'GetUser', { AccessToken: bobs.AccessToken })).status).toBe(200);
    expect((await refresh(service, bob, bobs.RefreshToken)).status).toBe(200);
  });

  it('ends the sessions of an app client with token revocation off too, whose tokens carry no origin_jti', async () => {
    const service = createReferenceService();
    const alice = await scenario(service, { enableTokenRevocation: false });
    const tokens = await signIn(service, alice);
    expect((await call(service, 'GlobalSignOut', { AccessToken: tokens.AccessToken })).status).toBe(200);
    expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).body.message).toBe('Access Token has been revoked');
    expect((await refresh(service, alice, tokens.RefreshToken)).body.message).toBe('Refresh Token has been revoked');
  });

  it('leaves a sign-in made afterwards working, and refuses the revoked access token it was given', async () => {
    const service = createReferenceService();
    const alice = await scenario(service);
    const before = await signIn(service, alice);
    await call(service, 'GlobalSignOut', { AccessToken: before.AccessToken });
    const after = await signIn(service, alice);
    expect((await call(service, 'GetUser', { AccessToken: after.AccessToken })).status).toBe(200);
    expect((await call(service, 'GlobalSignOut', { AccessToken: before.AccessToken })).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await call(service, 'GlobalSignOut', { AccessToken: before.IdToken })).body.message).toBe('Invalid Access Token');
  });
});
