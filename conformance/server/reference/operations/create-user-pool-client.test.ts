import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { call, ok } from '../test-support.ts';

async function pool() {
  const service = createReferenceService();
  const created = await ok(service, 'CreateUserPool', { PoolName: 'p' });
  return { service, poolId: created.UserPool.Id as string };
}

describe('CreateUserPoolClient', () => {
  it('creates a public client with revocation on and the default auth flows', async () => {
    const { service, poolId } = await pool();
    const client = (await ok(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'web' })).UserPoolClient;
    expect(client.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(client).not.toHaveProperty('ClientSecret');
    expect(client.EnableTokenRevocation).toBe(true);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']);
    expect(client.UserPoolId).toBe(poolId);
  });

  it('generates a secret on request, or takes the one given', async () => {
    const { service, poolId } = await pool();
    const generated = (await ok(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'srv', GenerateSecret: true })).UserPoolClient;
    expect(generated.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    const own = 'my_own_secret_0123456789_abcdef';
    const given = (await ok(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'srv', GenerateSecret: true, ClientSecret: own }))
      .UserPoolClient;
    expect(given.ClientSecret).toBe(own);
    const refused = await call(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'srv', GenerateSecret: false, ClientSecret: own });
    expect(refused.body.__type).toBe('InvalidParameterException');
  });

  it('keeps EnableTokenRevocation false when asked, and the flows given', async () => {
    const { service, poolId } = await pool();
    const client = (
      await ok(service, 'CreateUserPoolClient', {
        UserPoolId: poolId,
        ClientName: 'c',
        EnableTokenRevocation: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
      })
    ).UserPoolClient;
    expect(client.EnableTokenRevocation).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  });

  it('leaves rotation off unless asked, and keeps the grace period given (0 to 60 s)', async () => {
    const { service, poolId } = await pool();
    const plain = (await ok(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c' })).UserPoolClient;
    expect(plain.RefreshTokenRotation).toEqual({ Feature: 'DISABLED', RetryGracePeriodSeconds: 0 });
    const rotating = (
      await ok(service, 'CreateUserPoolClient', {
        UserPoolId: poolId,
        ClientName: 'c',
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
      })
    ).UserPoolClient;
    expect(rotating.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 60 });
    const tooLong = await call(service, 'CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'c',
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 },
    });
    expect(tooLong.body.__type).toBe('InvalidParameterException');
  });

  it('refuses legacy and ALLOW_ flow values together, and unknown values', async () => {
    const { service, poolId } = await pool();
    const mixed = await call(service, 'CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'c',
      ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    expect(mixed.body.__type).toBe('InvalidParameterException');
    const unknown = await call(service, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_EVERYTHING'] });
    expect(unknown.body.message).toContain("Value 'ALLOW_EVERYTHING' at 'explicitAuthFlows.1.member'");
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    const { service } = await pool();
    const answer = await call(service, 'CreateUserPoolClient', { UserPoolId: 'us-east-1_nothere', ClientName: 'c' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool us-east-1_nothere does not exist.' });
  });
});
