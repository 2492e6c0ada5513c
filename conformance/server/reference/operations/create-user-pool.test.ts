import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { call } from '../test-support.ts';

describe('CreateUserPool', () => {
  it('creates a pool with a regional id, an ARN and the default password policy', async () => {
    const service = createReferenceService({ region: 'eu-central-1', accountId: '111122223333', now: () => 1_700_000_000_500 });
    const answer = await call(service, 'CreateUserPool', { PoolName: 'my pool' });
    expect(answer.status).toBe(200);
    const pool = answer.body.UserPool;
    expect(pool.Id).toMatch(/^eu-central-1_[A-Za-z0-9]{9}$/);
    expect(pool.Arn).toBe(`arn:aws:cognito-idp:eu-central-1:111122223333:userpool/${pool.Id}`);
    expect(pool.Name).toBe('my pool');
    expect(pool.CreationDate).toBe(1_700_000_000.5);
    expect(pool.Policies.PasswordPolicy).toEqual({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
  });

  it('takes the given password policy members and no others', async () => {
    const service = createReferenceService();
    const answer = await call(service, 'CreateUserPool', {
      PoolName: 'p',
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false, PasswordHistorySize: 3 } },
    });
    expect(answer.body.UserPool.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireSymbols: false, RequireNumbers: true });
    expect(answer.body.UserPool.Policies.PasswordPolicy).not.toHaveProperty('PasswordHistorySize');
  });

  it('requires a valid name', async () => {
    const service = createReferenceService();
    expect((await call(service, 'CreateUserPool', {})).body.__type).toBe('InvalidParameterException');
    const bad = await call(service, 'CreateUserPool', { PoolName: 'no/slashes' });
    expect(bad.body.message).toContain("Value 'no/slashes' at 'poolName'");
  });
});
