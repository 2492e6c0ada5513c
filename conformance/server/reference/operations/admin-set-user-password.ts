import { AdminSetUserPasswordInput } from '../input-shapes.ts';
import { type Operation, requirePool, requireUser } from '../operation.ts';
import { passwordProblem } from '../password-policy.ts';
import { ServiceError } from '../service-error.ts';

interface Input {
  UserPoolId: string;
  Username: string;
  Password: string;
  Permanent?: boolean;
}

/**
 * AdminSetUserPassword: a permanent password confirms the user; a temporary one puts the
 * user (back) into FORCE_CHANGE_PASSWORD. Existing sessions are left as they are.
 * @internal
 */
export const adminSetUserPassword: Operation = {
  input: AdminSetUserPasswordInput,
  run(raw, context) {
    const input = raw as unknown as Input;
    const pool = requirePool(context, input.UserPoolId);
    const user = requireUser(pool, input.Username);
    const problem = passwordProblem(input.Password, pool.passwordPolicy);
    if (problem) throw new ServiceError('InvalidPasswordException', problem);
    context.store.setPassword(user, input.Password);
    user.status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    user.modifiedAt = context.options.now();
    return {};
  },
};
