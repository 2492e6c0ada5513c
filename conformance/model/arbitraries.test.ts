import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateErrorEnvelope, validateRevokeTokenRequest } from '../../generated/index.ts';
import {
  applyCallerEdits,
  callerRequest,
  inputBreaking,
  inputConstraintCases,
  inputConstraintsNotBreakableAlone,
  memberValueBreaking,
  validErrorEnvelope,
  validInput,
  validMemberValue,
  validRequest,
} from './arbitraries.ts';
import { type MemberContract, type OperationContract, revokeToken } from './contract.ts';
import { constraintsBrokenBy } from './member-constraints.ts';
import { repeatedCharacterPattern } from './pattern-alphabet.ts';

const member = (name: string) => revokeToken.input.members.find((m) => m.name === name)!;

describe('validRequest', () => {
  const sample = fc.sample(validRequest(), { numRuns: 400, seed: 42 });

  it('produces requests the generated validator accepts', () => {
    for (const request of sample) expect(validateRevokeTokenRequest(request)).toMatchObject({ ok: true });
  });

  it('includes and leaves out each optional member, and uses both enum values', () => {
    expect(sample.some((r) => 'ClientSecret' in r)).toBe(true);
    expect(sample.some((r) => !('ClientSecret' in r))).toBe(true);
    expect(new Set(sample.map((r) => r.RevokeAssociatedSessions ?? 'absent'))).toEqual(new Set(['LINKED', 'NONE', 'absent']));
  });

  it('uses every character each pattern allows', () => {
    for (const [name, pick] of [
      ['Token', (r: (typeof sample)[number]) => r.Token],
      ['ClientId', (r: (typeof sample)[number]) => r.ClientId],
      ['ClientSecret', (r: (typeof sample)[number]) => r.ClientSecret],
    ] as const) {
      const used = new Set(sample.flatMap((r) => [...(pick(r) ?? '')]));
      expect([...used].sort(), name).toEqual([...repeatedCharacterPattern(member(name).pattern!)!.alphabet].sort());
    }
  });

  it('reaches both length bounds, and the size parameter bounds the unbounded token', () => {
    const lengths = (name: 'ClientId' | 'ClientSecret') => sample.flatMap((r) => (r[name] === undefined ? [] : [r[name].length]));
    expect(Math.min(...lengths('ClientId'))).toBe(1);
    expect(Math.max(...lengths('ClientId'))).toBe(128);
    expect(Math.min(...lengths('ClientSecret'))).toBe(24);
    expect(Math.max(...lengths('ClientSecret'))).toBe(64);
    expect(Math.max(...sample.map((r) => r.Token!.length))).toBe(16_384);
    const small = fc.sample(validRequest({ maxUnboundedLength: 50 }), { numRuns: 200, seed: 7 });
    expect(Math.max(...small.map((r) => r.Token!.length))).toBe(50);
  });
});

describe('breaking one constraint', () => {
  it('covers every constraint of the request but the one no value can break alone', () => {
    expect(inputConstraintCases().map((c) => `${c.member} ${c.constraint}`)).toEqual([
      '(root) type',
      'Token required',
      'Token type',
      'Token pattern',
      'ClientId required',
      'ClientId type',
      'ClientId pattern',
      'ClientId maxLength',
      'ClientSecret type',
      'ClientSecret pattern',
      'ClientSecret minLength',
      'ClientSecret maxLength',
      'RevokeAssociatedSessions type',
      'RevokeAssociatedSessions enum',
      '* additionalProperties',
    ]);
    // The empty string is the only ClientId shorter than 1, and `+` rejects it too.
    expect(inputConstraintsNotBreakableAlone()).toEqual([{ member: 'ClientId', constraint: 'minLength' }]);
  });

  it.each(inputConstraintCases().map((c) => [`${c.member} ${c.constraint}`, c] as const))('%s: the validator reports exactly that', (_name, which) => {
    fc.assert(
      fc.property(inputBreaking(which), (broken) => {
        if (which.constraint !== 'additionalProperties') expect(broken.member).toBe(which.member);
        expect(broken.constraint).toBe(which.constraint);
        const result = validateRevokeTokenRequest(broken.value);
        expect(result.ok ? [] : result.issues.map(({ member, constraint }) => ({ member, constraint }))).toEqual([
          { member: broken.member, constraint: broken.constraint },
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it('breaks patterns with characters that other engines or neighbouring patterns accept', () => {
    const values = fc.sample(memberValueBreaking(member('ClientId'), 'pattern')!, { numRuns: 1500, seed: 1 }) as string[];
    const intruders = new Set(values.flatMap((v) => [...v].filter((c) => !/^[\w+]$/u.test(c))));
    for (const c of ['é', '=', '.', '-', '\n', '\u{1F600}']) expect(intruders.has(c), JSON.stringify(c)).toBe(true);
  });
});

describe('other patterns and members', () => {
  const odd: MemberContract = {
    name: 'Odd',
    target: 'x#Odd',
    type: 'string',
    required: true,
    sensitive: false,
    length: { min: 2, max: 6 },
    pattern: '^(ab|c)+$',
  };
  const free: MemberContract = { name: 'Free', target: 'x#Free', type: 'string', required: false, sensitive: false, length: { min: 3, max: 5 } };
  const contract: OperationContract = { ...revokeToken, input: { shape: 'In', members: [odd, free] } };

  it('falls back to stringMatching for a pattern that is not one repeated class', () => {
    fc.assert(fc.property(validMemberValue(odd), (v) => constraintsBrokenBy(odd, v).length === 0));
    fc.assert(fc.property(memberValueBreaking(odd, 'pattern')!, (v) => constraintsBrokenBy(odd, v).join() === 'pattern'));
    expect(inputConstraintsNotBreakableAlone(contract)).toEqual([
      { member: 'Odd', constraint: 'minLength' },
      { member: 'Odd', constraint: 'maxLength' },
    ]);
  });

  it('handles strings without a pattern, counting code points', () => {
    fc.assert(fc.property(validInput(contract), (input) => constraintsBrokenBy(free, input.Free).length === 0));
    fc.assert(fc.property(memberValueBreaking(free, 'maxLength')!, (v) => constraintsBrokenBy(free, v).join() === 'maxLength'));
    fc.assert(fc.property(memberValueBreaking(free, 'minLength')!, (v) => constraintsBrokenBy(free, v).join() === 'minLength'));
  });
});

describe('validErrorEnvelope', () => {
  it('produces bodies of every modeled error that the envelope schema accepts', () => {
    const sample = fc.sample(validErrorEnvelope(), { numRuns: 300, seed: 3 });
    for (const body of sample) expect(validateErrorEnvelope(body)).toMatchObject({ ok: true });
    expect(new Set(sample.map((b) => b.__type)).size).toBe(revokeToken.errors.length);
  });
});

describe('shrinking long strings', () => {
  // A client that cuts Token at 2,048 characters: its counterexample must be found next to the
  // limit in a few dozen steps, not by removing one of 16,384 characters at a time.
  it('shrinks a 16 KB token to the length boundary in a bounded number of steps', () => {
    let calls = 0;
    const details = fc.check(
      fc.property(validMemberValue(member('Token')), (token) => {
        calls += 1;
        return token.length <= 2048;
      }),
      { seed: 7, numRuns: 400 },
    );
    expect(details.failed).toBe(true);
    expect(details.counterexample![0].length).toBe(2049);
    expect(calls).toBeLessThan(400 + 200);
  });

  it('generates the boundary lengths themselves', () => {
    const lengths = new Set(fc.sample(validMemberValue(member('Token')), { numRuns: 400, seed: 3 }).map((t) => t.length));
    for (const length of [2048, 2049, 4096, 16_384]) expect(lengths.has(length), String(length)).toBe(true);
  });
});

describe('callerRequest', () => {
  it('always breaks the Token pattern, keeps every length within its bounds, and can be sent as given', () => {
    fc.assert(
      fc.property(callerRequest({ maxUnboundedLength: 300 }), (request) => {
        const token = member('Token');
        expect(constraintsBrokenBy(token, request.Token)).toContain('pattern');
        for (const m of revokeToken.input.members) {
          const value = (request as unknown as Record<string, unknown>)[m.name];
          if (typeof value !== 'string') continue;
          const length = [...value].length;
          if (m.length?.min !== undefined) expect(length).toBeGreaterThanOrEqual(m.length.min);
          if (m.length?.max !== undefined) expect(length).toBeLessThanOrEqual(m.length.max);
        }
        // JSON keeps every code unit, a lone surrogate included (as a \\udXXX escape).
        expect(JSON.parse(JSON.stringify(request))).toEqual(request);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches surrounding whitespace, U+0000, lone surrogates and characters outside the BMP', () => {
    const tokens = fc.sample(callerRequest({ maxUnboundedLength: 300 }), { numRuns: 400, seed: 17 }).map((r) => r.Token ?? '');
    expect(tokens.some((t) => t !== t.trim())).toBe(true);
    expect(tokens.some((t) => t.includes('\u0000'))).toBe(true);
    expect(tokens.some((t) => !(t as string & { isWellFormed(): boolean }).isWellFormed())).toBe(true);
    expect(tokens.some((t) => /[\u{10000}-\u{10FFFF}]/u.test(t))).toBe(true);
  });

  it('edits by code point, keeping the length', () => {
    expect(applyCallerEdits('abc', [{ kind: 'surround', before: ' ', after: '\t' }])).toBe(' b\t');
    expect(applyCallerEdits('abc', [{ kind: 'replace', at: 4, with: '\ud800' }])).toBe('a\ud800c');
    expect(applyCallerEdits('', [{ kind: 'replace', at: 0, with: '\u0000' }])).toBe('');
  });
});
