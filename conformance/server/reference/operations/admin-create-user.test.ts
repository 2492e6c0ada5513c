import { describe, expect, it } from 'vitest';
import { createReferenceService } from '../reference-service.ts';
import { call, ok } from '../test-support.ts';

async function pool() {
  const service = createReferenceService({ now: () => 1_700_000_000_000 });
  const created = await ok(service, 'CreateUserPool', { PoolName: 'p' });
  return { service, poolId: created.UserPool.Id as string };
}

describe('AdminCreateUser', () => {
  it('creates a user waiting for a new password, with a sub and the given attributes', async () => {
    const { service, poolId } = await pool();
    const user = (
      await ok(service, 'AdminCreateUser', {
        UserPoolId: poolId,
        Username: 'alice',
        TemporaryPassword: 'Temp-Pass-1',
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      })
    ).User;
    expect(user).toMatchObject({ Username: 'alice', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD', UserCreateDate: 1_700_000_000 });
    expect(user.Attributes[0].Name).toBe('sub');
    expect(user.Attributes[0].Value).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.Attributes[1]).toEqual({ Name: 'email', Value: 'alice@example.com' });
  });

  it('refuses a second user with the same name, a sub attribute and a weak temporary password', async () => {
    const { service, poolId } = await pool();
    await ok(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await call(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'alice' })).body.__type).toBe('UsernameExistsException');
    const withSub = await call(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'bob', UserAttributes: [{ Name: 'sub', Value: 'x' }] });
    expect(withSub.body.__type).toBe('InvalidParameterException');
    const weak = await call(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'carol', TemporaryPassword: 'weak' });
    expect(weak.body).toEqual({ __type: 'InvalidPasswordException', message: 'Password does not conform to policy: Password not long enough' });
  });

  it('treats usernames as case-sensitive', async () => {
    const { service, poolId } = await pool();
    await ok(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await call(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'Alice' })).status).toBe(200);
  });

  it('answers RESEND with the existing user, or UserNotFoundException', async () => {
    const { service, poolId } = await pool();
    expect((await call(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'dave', MessageAction: 'RESEND' })).body.__type).toBe(
      'UserNotFoundException',
    );
    await ok(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'dave' });
    expect((await ok(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'dave', MessageAction: 'RESEND' })).User.Username).toBe('dave');
  });

  it('never echoes the username or password in validation messages', async () => {
    const { service, poolId } = await pool();
    const answer = await call(service, 'AdminCreateUser', { UserPoolId: poolId, Username: 'has space', TemporaryPassword: 'with space' });
    expect(answer.body.__type).toBe('InvalidParameterException');
    expect(answer.text).not.toContain('has space');
    expect(answer.text).not.toContain('with space');
  });
});
