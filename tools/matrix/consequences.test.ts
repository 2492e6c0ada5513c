import { describe, expect, it } from 'vitest';
import { describeMisses, emulatorMisses, RULE_CONSEQUENCES } from './consequences.ts';
import { ruleGroups } from './rules.ts';

describe('the plain-words consequences of server rules', () => {
  it('has one for every counted server rule, and none for a rule that does not exist', () => {
    const serverRules = ruleGroups()
      .filter((g) => g.side === 'server' && !g.informational)
      .flatMap((g) => g.rules.map((r) => r.id));
    expect(Object.keys(RULE_CONSEQUENCES).sort()).toEqual([...serverRules].sort());
  });

  it('puts sign-out rules first, in number order, then the protocol ones', () => {
    const misses = emulatorMisses({ expected: ['S14', 'R13', 'R3'], unexpected: ['P1', 'R10'] });
    expect(misses.signOut).toEqual([RULE_CONSEQUENCES['R3']?.words, RULE_CONSEQUENCES['R10']?.words, RULE_CONSEQUENCES['R13']?.words]);
    expect(misses.protocol).toEqual([RULE_CONSEQUENCES['S14']?.words, RULE_CONSEQUENCES['P1']?.words]);
  });

  it('answers "revoked access tokens keep working" for an emulator that breaks R3', () => {
    expect(describeMisses(emulatorMisses({ expected: ['R3'], unexpected: [] }))).toBe(
      'Sign-out tests would miss that revoked access tokens keep working, or are refused with another error than NotAuthorizedException.',
    );
  });

  it('says sign-out is fine when only protocol rules fail, and nothing more when nothing fails', () => {
    expect(describeMisses(emulatorMisses({ expected: ['S14'], unexpected: [] }))).toBe(
      'Sign-out behaves as the contract says. Unlike Cognito, answers carry no request id.',
    );
    expect(describeMisses(emulatorMisses({ expected: [], unexpected: [] }))).toBe('Sign-out behaves as the contract says.');
  });

  it('names a failing rule it has no words for, rather than hiding it', () => {
    expect(describeMisses(emulatorMisses({ expected: [], unexpected: ['R99'] }))).toMatch(/Also fails R99\.$/);
  });
});
