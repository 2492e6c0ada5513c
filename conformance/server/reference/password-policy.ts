import { randomInt } from 'node:crypto';

/** A user pool's password rules, in the members of Cognito's PasswordPolicyType. @internal */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

/** What a pool gets when CreateUserPool leaves the policy out: Cognito's defaults. @internal */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

// The characters Cognito counts as symbols (space included).
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

/**
 * The first rule `password` breaks, worded for an InvalidPasswordException, or undefined
 * when it complies. The message names the rule, never the password.
 * @internal
 */
export function passwordProblem(password: string, policy: PasswordPolicy): string | undefined {
  const prefix = 'Password does not conform to policy: ';
  if ([...password].length < policy.MinimumLength) return `${prefix}Password not long enough`;
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return `${prefix}Password must have uppercase characters`;
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return `${prefix}Password must have lowercase characters`;
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return `${prefix}Password must have numeric characters`;
  if (policy.RequireSymbols && ![...password].some((character) => SYMBOLS.includes(character))) {
    return `${prefix}Password must have symbol characters`;
  }
  return undefined;
}

/**
 * A random temporary password that satisfies `policy`, for AdminCreateUser calls that do
 * not supply one. Nobody learns it (the reference server sends no messages); it only keeps
 * the account from being usable until an administrator sets a password.
 * @internal
 */
export function randomCompliantPassword(policy: PasswordPolicy): string {
  const pools = ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', '0123456789', '!@#%&*+-=?'];
  const characters = pools.map((pool) => pool.charAt(randomInt(pool.length)));
  const all = pools.join('');
  while (characters.length < Math.max(policy.MinimumLength, 16)) characters.push(all.charAt(randomInt(all.length)));
  return characters.join('');
}
