import { newUserPoolId } from '../identifiers.ts';
import { CreateUserPoolInput } from '../input-shapes.ts';
import { epochSeconds, type Operation } from '../operation.ts';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../password-policy.ts';
import type { UserPoolRecord } from '../state-store.ts';

interface Input {
  PoolName: string;
  Policies?: { PasswordPolicy?: Partial<PasswordPolicy> };
}

/**
 * CreateUserPool: a pool with a name and a password policy. Everything else a real pool can
 * be configured with is accepted and ignored.
 * @internal
 */
export const createUserPool: Operation = {
  input: CreateUserPoolInput,
  run(raw, { store, options }) {
    const input = raw as unknown as Input;
    const now = options.now();
    let id = newUserPoolId(options.region);
    while (store.pools.has(id)) id = newUserPoolId(options.region);
    const pool: UserPoolRecord = {
      id,
      name: input.PoolName,
      arn: `arn:aws:cognito-idp:${options.region}:${options.accountId}:userpool/${id}`,
      createdAt: now,
      passwordPolicy: policyFrom(input.Policies?.PasswordPolicy ?? {}),
      users: new Map(),
    };
    store.pools.set(id, pool);
    return {
      UserPool: {
        Id: pool.id,
        Name: pool.name,
        Arn: pool.arn,
        Policies: { PasswordPolicy: pool.passwordPolicy },
        CreationDate: epochSeconds(now),
        LastModifiedDate: epochSeconds(now),
        EstimatedNumberOfUsers: 0,
        MfaConfiguration: 'OFF',
      },
    };
  },
};

/** Known members only: unknown ones were ignored by validation and must not leak into the pool. */
function policyFrom(given: Partial<PasswordPolicy>): PasswordPolicy {
  const policy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY };
  for (const name of Object.keys(policy) as Array<keyof PasswordPolicy>) {
    const value = given[name];
    if (value !== undefined) (policy as unknown as Record<string, unknown>)[name] = value;
  }
  return policy;
}
