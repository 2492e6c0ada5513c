import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import { headline, rollupByRule, sameVerdictGroups, simplestFor, wrapIds } from './causes.ts';
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

  it('stand for a rule by its simplest failing case: tagged with the rule, failing fewest rules, a fixture, fewest tags, first', () => {
    const tagged = (id: string, tags: string[], verdicts = [C4]) => ({ ...failingFixture(id, verdicts), tags });
    // The emulator's case comes first in run order and fails C4 too, but is about something else.
    const emulator = tagged('RevokeTokenCognitoLocalUnsupported', ['C13', 'C23', 'proxy']);
    const headers = tagged('RevokeTokenRequestProtocolHeaders', ['C3', 'C4', 'request']);
    expect(simplestFor('C4', [emulator, headers]).id).toBe('RevokeTokenRequestProtocolHeaders');
    // Among cases tagged with it: the one whose failure is this rule alone.
    const mixed = tagged('mixed', ['C4'], [C4, { ...C4, check: 'C8' }]);
    const alone = tagged('alone', ['C4', 'C3', 'request'], [C4]);
    expect(simplestFor('C4', [mixed, alone]).id).toBe('alone');
    // A fixture before a property; among properties, the shortest counterexample.
    const property = { ...failingProperty('request-wire', { Token: 'x' }), tags: ['C4'] };
    expect(simplestFor('C4', [property, tagged('fixture', ['C4', 'request', 'success'])]).id).toBe('fixture');
    const longer = { ...failingProperty('longer', { Token: 'x'.repeat(40) }), tags: ['C4'] };
    expect(simplestFor('C4', [longer, property]).id).toBe('request-wire');
    // Then the case about fewest things; then run order.
    expect(simplestFor('C4', [tagged('broad', ['C4', 'C3', 'request']), tagged('focused', ['C4'])]).id).toBe('focused');
    expect(simplestFor('C4', [tagged('first', ['C4']), tagged('second', ['C4'])]).id).toBe('first');
    // The roll-up uses it, and so do the verdict groups, by every rule of the group.
    expect(rollupByRule([emulator, headers])[0]!.example.id).toBe('RevokeTokenRequestProtocolHeaders');
    const c8: Verdict = { ...C4, check: 'C8' };
    expect(simplestFor(['C4', 'C8'], [tagged('one', ['C4'], [C4, c8]), tagged('both', ['C4', 'C8'], [C4, c8])]).id).toBe('both');
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
