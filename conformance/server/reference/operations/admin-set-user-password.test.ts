import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { call, ok } from '../test-support.ts';

async function withUser() {
  const service = createReferenceService();
  const poolId = (await ok(service, 'CreateUserPool', { PoolName: 'p' })).UserPool.Id as string;
  const clientId = (await ok(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }))
    .UserPoolClient.ClientId as string;
  await ok(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'alice', TemporaryPassword: 'Temp-Pass-1' });
  const signIn = (password: string) =>
    call(service, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: password } });
  return { service, poolId, signIn };
}

describe('AdminSetUserPassword', () => {
  it('with Permanent, confirms the user so that the password signs in', async () => {
    const { service, poolId, signIn } = await withUser();
    expect(await ok(service, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Final-Pass-2', Permanent: true })).toEqual({});
    expect((await signIn('Final-Pass-2')).body.AuthenticationResult.AccessToken).toBeDefined();
    expect((await signIn('Temp-Pass-1')).body.__type).toBe('NotAuthorizedException');
  });

  it('without Permanent, sets a temporary password that leads to the new-password challenge', async () => {
    const { service, poolId, signIn } = await withUser();
    await ok(service, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Other-Temp-3' });
    const answer = await signIn('Other-Temp-3');
    expect(answer.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(answer.body).not.toHaveProperty('AuthenticationResult');
  });

  it("enforces the pool's password policy and needs an existing user", async () => {
    const { service, poolId } = await withUser();
    const weak = await call(service, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'alllowercase-1', Permanent: true });
    expect(weak.body.__type).toBe('InvalidPasswordException');
    const missing = await call(service, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'nobody', Password: 'Final-Pass-2', Permanent: true });
    expect(missing.body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' });
  });
});
