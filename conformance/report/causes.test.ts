import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import { headline, representative, rollupByRule, sameVerdictGroups, wrapIds } from './causes.ts';
import { reportFile } from './report-file.ts';
import { C4, failingFixture, failingProperty, mixedRun } from './test-support.ts';

describe('causes', () => {
  it('roll failures up by rule, most cases first, must before should at equal counts', () => {
    const should: Verdict = { ...C4, check: 'C19', level: 'should', title: 't' };
    const must: Verdict = { ...C4, check: 'C8', title: 't' };
    const rules = rollupByRule([failingFixture('a', [should]), failingFixture('b', [must]), failingFixture('c', [C4]), failingFixture('d', [C4])]);
    expect(rules.map((r) => [r.rule, r.level, r.cases.length])).toEqual([
      ['C4', 'must', 2],
      ['C8', 'must', 1],
      ['C19', 'should', 1],
    ]);
  });

  it('take a fixture, or else the shortest counterexample, as the representative', () => {
    const long = failingProperty('long', { Token: 'x'.repeat(50) });
    const short = failingProperty('short', { Token: 'x' });
    expect(representative([long, short]).id).toBe('short');
    expect(representative([long, failingFixture('fixture'), short]).id).toBe('fixture');
  });

  it('group identical verdicts, up to the case naming itself in them', () => {
    const own = (id: string) => failingFixture(id, [{ ...C4, actual: `no header [${id}]` }]);
    const groups = sameVerdictGroups([own('one'), own('two'), failingFixture('three', [{ ...C4, actual: 'other' }])]);
    expect(groups.map((g) => g.cases.map((c) => c.id))).toEqual([['one', 'two'], ['three']]);
    // Passes, expected failures and stale expectations are not failures of a verdict.
    expect(sameVerdictGroups(mixedRun(0).results).flatMap((g) => g.cases.map((c) => c.id))).toEqual([
      'request-wire',
      'cancellation',
      'RevokeTokenRequestRequiredMembersOnly',
    ]);
  });

  it('say what broke in one line, clipping long values', () => {
    expect(headline({ ...C4, expected: 'a', actual: 'b'.repeat(300) })).toBe(`C4: expected a, got ${'b'.repeat(200)}... (300 characters)`);
    expect(headline({ check: 'A4', title: 'completes', level: 'must', status: 'fail' })).toBe('A4: completes');
  });

  it('wrap ids into lines of a bounded width, dropping none', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `RevokeTokenCase${i}`);
    const lines = wrapIds(ids, 60);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(61);
    expect(lines.join(' ').split(/,? /)).toEqual(ids);
  });

  it('report files relative to the working directory, without the #case fragment', () => {
    expect(reportFile('conformance/properties/client-properties.ts#request-wire')).toBe('conformance/properties/client-properties.ts');
    expect(reportFile('fixtures/request/X.json', '/')).toMatch(/^[^/].*\/fixtures\/request\/X\.json$/);
    expect(reportFile('/elsewhere/file.json', '/elsewhere')).toBe('file.json');
  });
});
