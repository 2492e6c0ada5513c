import { describe, expect, it } from 'vitest';
import { errorName } from '../checks/error-name.ts';
import { loadFixtures } from '../fixtures/load.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { fixtureToCase } from '../run/runner.ts';
import { MEASURED_CLIENTS, measureCase, measureProperty, rulesJudgedOn } from './rules-judged.ts';

const [noRetries, withRetries] = MEASURED_CLIENTS.map((c) => c.capabilities) as [
  (typeof MEASURED_CLIENTS)[0]['capabilities'],
  (typeof MEASURED_CLIENTS)[0]['capabilities'],
];

describe('the rules judged on a case, measured from the checks', () => {
  it('judges a success fixture on the request rules and C12, with A1 or A3 by whether the client retries', async () => {
    const fixture = (await loadFixtures()).find((f) => f.id === 'RevokeTokenSuccessEmptyObject')!;
    const c = fixtureToCase({ ...fixture, file: 'x' });
    expect(rulesJudgedOn(c, noRetries)).toEqual(expect.arrayContaining(['C1', 'C4', 'C8', 'C12', 'A1', 'A4', 'A5']));
    expect(rulesJudgedOn(c, noRetries)).not.toContain('A3');
    expect(rulesJudgedOn(c, noRetries)).not.toContain('C13');
    expect(rulesJudgedOn(c, withRetries)).toContain('A3');
    expect(rulesJudgedOn(c, withRetries)).not.toContain('A1');
  });

  it('judges every fixture on every rule it is tagged with, but for tags judged through other rules and the error name judged once', async () => {
    const throughOthers = new Set(['C7', 'C25', 'C26']);
    // The error-name check judges a case under the most specific of its rules the case carries, once.
    const errorNameRules = new Set<string>(errorName.rules);
    for (const fixture of await loadFixtures()) {
      const measured = new Set(measureCase(fixtureToCase(fixture)).rules.map((r) => r.rule));
      const missing = fixture.tags.filter((t) => /^[CAF]\d+$/.test(t) && !throughOthers.has(t) && !errorNameRules.has(t) && !measured.has(t));
      expect(missing, fixture.id).toEqual([]);
      if (fixture.tags.some((t) => errorNameRules.has(t)) && fixture.expect.outcome === 'error' && fixture.expect.name !== undefined) {
        expect(
          [...measured].filter((r) => errorNameRules.has(r)),
          fixture.id,
        ).toHaveLength(1);
      }
    }
  });

  it('samples a property the same way every time, and says which clients it does not apply to', () => {
    const retries = CLIENT_PROPERTIES.find((p) => p.id === 'retries')!;
    const first = measureProperty(retries, 20);
    expect(measureProperty(retries, 20)).toEqual(first);
    expect(first.of).toBe(20);
    expect(first.notApplicable[0]).toMatch(/does not declare retries/);
    expect(first.rules.find((r) => r.rule === 'A3')?.counts).toEqual([0, 20]);
  });
});
