import { describe, expect, it } from 'vitest';
import { secretHash } from '../../protocol/secret-hash.ts';
import { createReferenceService } from '../../server/reference/index.ts';
import { internalRequest, ledgerServer, type SessionLedger } from './session-ledger.ts';

/** A handler with no fault of its own, and the ledger it keeps. */
function ledgered() {
  let kept: SessionLedger | undefined;
  const handle = ledgerServer(createReferenceService(), {
    before(_call, ledger) {
      kept = ledger;
      return undefined;
    },
  });
  const call = async (operation: string, body: Record<string, unknown>) => {
    const response = await handle(internalRequest(operation, body));
    return { status: response.status, body: JSON.parse(await response.text()) as Record<string, Record<string, string>> };
  };
  return { call, ledger: () => kept! };
}

async function signedIn() {
  const world = ledgered();
  const poolId = (await world.call('CreateUserPool', { PoolName: 'p' })).body['UserPool']!['Id'];
  const created = (
    await world.call('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'c',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    })
  ).body['UserPoolClient'] as unknown as { ClientId: string; ClientSecret: string };
  await world.call('AdminCreateUser', { UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' });
  await world.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Demo-Pass-1!', Permanent: true });
  const hash = secretHash(created.ClientSecret, 'alice', created.ClientId);
  const tokens = (
    await world.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: created.ClientId,
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'Demo-Pass-1!', SECRET_HASH: hash },
    })
  ).body['AuthenticationResult'] as unknown as { AccessToken: string; IdToken: string; RefreshToken: string };
  const refresh = () =>
    world.call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: created.ClientId,
      AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken, SECRET_HASH: hash },
    });
  return { world, created, tokens, refresh, poolId, hash };
}

describe('SessionLedger', () => {
  it('learns the app clients with their secrets, and each sign-in with its number', async () => {
    const { world, created, tokens } = await signedIn();
    const ledger = world.ledger();
    expect(ledger.clients.get(created.ClientId)).toEqual({ clientId: created.ClientId, secret: created.ClientSecret, revocation: true });
    const session = ledger.byRefreshToken(tokens.RefreshToken);
    expect(session).toMatchObject({ username: 'alice', clientId: created.ClientId, number: 1 });
    expect(ledger.byAccessToken(tokens.AccessToken)).toBe(session);
    expect(ledger.byAccessToken(tokens.IdToken)).toBe(session);
  });

  it("counts AdminInitiateAuth's sign-ins, by either spelling, among the user's sessions on the client", async () => {
    const { world, created, poolId, hash } = await signedIn();
    for (const flow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']) {
      const answer = await world.call('AdminInitiateAuth', {
        AuthFlow: flow,
        ClientId: created.ClientId,
        UserPoolId: poolId,
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Demo-Pass-1!', SECRET_HASH: hash },
      });
      expect(answer.status).toBe(200);
    }
    expect(world.ledger().sessions.map((s) => [s.username, s.number])).toEqual([
      ['alice', 1],
      ['alice', 2],
      ['alice', 3],
    ]);
  });

  it('an ended session is refused on GetUser and on refresh, as a revoked one is', async () => {
    const { world, tokens, refresh } = await signedIn();
    world.ledger().end(world.ledger().byRefreshToken(tokens.RefreshToken)!);
    expect((await world.call('GetUser', { AccessToken: tokens.AccessToken })).body).toMatchObject({ message: 'Access Token has been revoked' });
    expect((await refresh()).body).toMatchObject({ message: 'Refresh Token has been revoked' });
  });

  it('a revived session works again after the reference revoked it, and revokeForReal revokes it there', async () => {
    const { world, tokens, refresh } = await signedIn();
    const session = world.ledger().byRefreshToken(tokens.RefreshToken)!;
    await world.ledger().revokeForReal(session);
    expect((await refresh()).body).toMatchObject({ message: 'Refresh Token has been revoked' });
    world.ledger().revive(session);
    expect((await refresh()).body['AuthenticationResult']!['AccessToken']).toBe(tokens.AccessToken);
    expect((await world.call('GetUser', { AccessToken: tokens.AccessToken })).body).toMatchObject({ Username: 'alice' });
  });
});
