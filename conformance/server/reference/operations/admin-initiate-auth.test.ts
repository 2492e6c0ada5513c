import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { call, type Scenario, scenario } from '../test-support.ts';

const ADMIN_FLOWS = ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

function adminSignIn(service: ReturnType<typeof createReferenceService>, s: Scenario, flow = 'ADMIN_USER_PASSWORD_AUTH') {
  return call(service, 'AdminInitiateAuth', {
    UserPoolId: s.poolId,
    ClientId: s.clientId,
    AuthFlow: flow,
    AuthParameters: { USERNAME: s.username, PASSWORD: s.password },
  });
}

describe('AdminInitiateAuth', () => {
  it('signs in with ADMIN_USER_PASSWORD_AUTH and its legacy name, and the session is revocable like any other', async () => {
    const service = createReferenceService();
    const s = await scenario(service, { explicitAuthFlows: ADMIN_FLOWS });
    for (const flow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']) {
      const answer = await adminSignIn(service, s, flow);
      expect(answer.status).toBe(200);
      const tokens = answer.body.AuthenticationResult;
      expect((await call(service, 'RevokeToken', { Token: tokens.RefreshToken, ClientId: s.clientId })).status).toBe(200);
      expect((await call(service, 'GetUser', { AccessToken: tokens.AccessToken })).body.message).toBe('Access Token has been revoked');
      const refreshed = await call(service, 'AdminInitiateAuth', {
        UserPoolId: s.poolId,
        ClientId: s.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
      });
      expect(refreshed.body.message).toBe('Refresh Token has been revoked');
    }
  });

  it('refuses a client that does not allow the flow, and a client of another pool', async () => {
    const service = createReferenceService();
    const plain = await scenario(service);
    expect((await adminSignIn(service, plain)).body.__type).toBe('InvalidParameterException');
    const other = await scenario(service, { explicitAuthFlows: ADMIN_FLOWS });
    expect((await adminSignIn(service, { ...other, poolId: plain.poolId })).body.__type).toBe('ResourceNotFoundException');
  });
});
