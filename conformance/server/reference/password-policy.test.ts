import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordProblem, randomCompliantPassword } from './password-policy.ts';

describe('passwordProblem', () => {
  it('accepts a password that meets the default policy', () => {
    expect(passwordProblem('Correct-Horse-9', DEFAULT_PASSWORD_POLICY)).toBeUndefined();
  });

  it('names the first rule broken, never the password', () => {
    const cases: Array<[string, string]> = [
      ['Sh0rt!', 'Password not long enough'],
      ['lowercase-only-9', 'Password must have uppercase characters'],
      ['UPPERCASE-ONLY-9', 'Password must have lowercase characters'],
      ['No-Numbers-Here', 'Password must have numeric characters'],
      ['NoSymbols123', 'Password must have symbol characters'],
    ];
    for (const [password, rule] of cases) {
      const problem = passwordProblem(password, DEFAULT_PASSWORD_POLICY);
      expect(problem).toBe(`Password does not conform to policy: ${rule}`);
      expect(problem).not.toContain(password);
    }
  });

  it('honours a relaxed policy', () => {
    const relaxed = { ...DEFAULT_PASSWORD_POLICY, MinimumLength: 6, RequireSymbols: false, RequireUppercase: false };
    expect(passwordProblem('abc123', relaxed)).toBeUndefined();
  });

  it('counts a space as a symbol', () => {
    expect(passwordProblem('Has Space 9', DEFAULT_PASSWORD_POLICY)).toBeUndefined();
  });
});

describe('randomCompliantPassword', () => {
  it('always satisfies the policy it was made for', () => {
    for (const MinimumLength of [6, 8, 20, 99]) {
      const policy = { ...DEFAULT_PASSWORD_POLICY, MinimumLength };
      expect(passwordProblem(randomCompliantPassword(policy), policy)).toBeUndefined();
    }
  });
});
