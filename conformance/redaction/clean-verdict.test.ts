import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import { cleanStructure, cleanVerdict } from './clean-verdict.ts';
import { REDACTED, SensitiveValues } from './redact.ts';

const verdict = (expected: string, actual: string): Verdict => ({ check: 'C8', title: 't', level: 'must', status: 'fail', expected, actual });

describe('cleanVerdict', () => {
  it('shortens a cut 16 KB token around the difference and leaves no fragment of it', () => {
    const token = `tok-${'Q7xZ9pL2mW4vR8sK'.repeat(1024)}`;
    const values = new SensitiveValues();
    values.add(token);
    const cut = token.slice(0, 2048);
    values.add(cut);
    const clean = cleanVerdict(verdict(`Token: "${token}"`, `Token: "${cut}"`), (t) => values.redact(t));
    expect(clean.expected).toMatch(/^\(16397 characters, first difference at character 2056\)/);
    expect(clean.actual).toContain(REDACTED);
    for (const side of [clean.expected!, clean.actual!]) {
      expect(side.length).toBeLessThan(200);
      expect(side).not.toContain('Q7xZ9pL2');
    }
  });

  it('makes a 1 MB error message with control characters short and safe', () => {
    const clean = cleanVerdict(verdict('UnsupportedTokenTypeException', `\u001b[2J${'x'.repeat(1_000_000)}`), (t) => t);
    expect(clean.actual!.length).toBeLessThan(400);
    expect(clean.actual).toMatch(/^\\u001b\[2J/);
  });

  it('leaves a verdict without text as it is', () => {
    const passed: Verdict = { check: 'C1', title: 't', level: 'must', status: 'pass' };
    expect(cleanVerdict(passed, () => 'never called')).toBe(passed);
  });
});

describe('cleanStructure', () => {
  it('replaces sensitive members, redacts and escapes strings, unless redaction is off', () => {
    const values = new SensitiveValues();
    values.add('the-known-secret-value');
    expect(cleanStructure({ Token: 'anything', Other: 'has the-known-secret-value\u001b' }, values)).toEqual({
      Token: REDACTED,
      Other: `has ${REDACTED}\\u001b`,
    });
    expect(cleanStructure({ Token: 'anything' }, new SensitiveValues(false))).toEqual({ Token: 'anything' });
  });
});
