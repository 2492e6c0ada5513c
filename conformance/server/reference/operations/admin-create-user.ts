import { randomUUID } from 'node:crypto';
import { AdminCreateUserInput } from '../input-shapes.ts';
import { epochSeconds, type Operation, requirePool, requireUser } from '../operation.ts';
import { passwordProblem, randomCompliantPassword } from '../password-policy.ts';
import { ServiceError } from '../service-error.ts';
import type { UserRecord } from '../state-store.ts';

interface Input {
  UserPoolId: string;
  Username: string;
  UserAttributes?: Array<{ Name: string; Value?: string }>;
  TemporaryPassword?: string;
  MessageAction?: 'RESEND' | 'SUPPRESS';
}

/**
 * AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password. The server
 * sends no invitations, so MessageAction only matters for RESEND, which needs an existing user.
 * @internal
 */
export const adminCreateUser: Operation = {
  input: AdminCreateUserInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const pool = requirePool(context, input.UserPoolId);
    if (input.MessageAction === 'RESEND') {
      return { User: describeUser(requireUser(pool, input.Username)) };
    }
    if (pool.users.has(input.Username)) {
      throw new ServiceError('UsernameExistsException', 'User account already exists');
    }
    const attributes = new Map<string, string>();
    for (const { Name, Value } of input.UserAttributes ?? []) {
      if (Name === 'sub') throw new ServiceError('InvalidParameterException', 'The sub attribute is assigned by the service and cannot be set.');
      attributes.set(Name, Value ?? '');
    }
    const temporary = input.TemporaryPassword ?? randomCompliantPassword(pool.passwordPolicy);
    const problem = passwordProblem(temporary, pool.passwordPolicy);
    if (problem) throw new ServiceError('InvalidPasswordException', problem);
    const now = context.options.now();
    const user: UserRecord = {
      username: input.Username,
      sub: randomUUID(),
      attributes,
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      createdAt: now,
      modifiedAt: now,
    };
    pool.users.set(user.username, user);
    context.store.setPassword(user, temporary);
    return { User: describeUser(user) };
  },
};

/** A user as the admin APIs describe one (UserType). @internal */
export function describeUser(user: UserRecord): object {
  return {
    Username: user.username,
    Attributes: userAttributes(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** `sub` first, then the attributes in the order they were set. @internal */
export function userAttributes(user: UserRecord): Array<{ Name: string; Value: string }> {
  return [{ Name: 'sub', Value: user.sub }, ...[...user.attributes].map(([Name, Value]) => ({ Name, Value }))];
}
