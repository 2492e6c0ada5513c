import { afterAll, describe, expect, it } from 'vitest';
import { type CatalogueVerdict, formatScore, judgeEntry } from '../../conformance/self-test/server-fault-catalogue/score-catalogue.ts';
import { SERVER_FAULT_CATALOGUE } from '../../conformance/self-test/server-fault-catalogue/server-fault-catalogue.ts';
import known from '../../conformance/self-test/server-fault-catalogue/survivors.json' with { type: 'json' };

// The catalogue is an independent measure of the server suite: faults taken from emulators'
// bug reports and the documented semantics, each run through the whole suite as a user runs
// it. The cases that would catch the survivors do not exist yet, so they are listed in
// survivors.json; a survivor that starts being caught must leave the list, so the score in it
// only ever goes up. Print the score with: npx tsx tools/server-fault-catalogue/print-score.ts
const SURVIVORS: ReadonlySet<string> = new Set(known.survivors);
const verdicts: CatalogueVerdict[] = [];

afterAll(() => {
  if (verdicts.length === SERVER_FAULT_CATALOGUE.length) console.log(formatScore(verdicts));
});

describe('the server fault catalogue', () => {
  it('has at least 30 faults, each with its source, its evidence tier and what should catch it', () => {
    expect(SERVER_FAULT_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    for (const entry of SERVER_FAULT_CATALOGUE) {
      expect(entry.source, entry.id).toMatch(/^https:\/\/|^\.\.\/shared\/reference\/[a-z]+\.md section /);
      expect(['documented', 'observed', 'inferred'], entry.id).toContain(entry.tier);
      expect(entry.caughtBy.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('lists as known survivors only entries of the catalogue, each once', () => {
    const ids = new Set(SERVER_FAULT_CATALOGUE.map((entry) => entry.id));
    expect(known.survivors.filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(known.survivors).size).toBe(known.survivors.length);
  });

  it('the reference server itself passes the whole suite, --strict included', async () => {
    const verdict = await judgeEntry({ id: 'reference server', strict: true, wrap: (service) => (request) => service.handle(request) });
    expect(verdict.failures).toEqual([]);
  });

  it.each(SERVER_FAULT_CATALOGUE.map((entry) => [entry.id, entry] as const))('%s', async (id, entry) => {
    const verdict = await judgeEntry(entry);
    verdicts.push(verdict);
    if (SURVIVORS.has(id)) {
      expect(
        verdict.caught,
        `${id} is caught now (${verdict.failures.join('; ')}): remove it from conformance/self-test/server-fault-catalogue/survivors.json`,
      ).toBe(false);
    } else {
      expect(verdict.caught, `${id} survived the server suite: ${entry.fault}. It should be caught by ${entry.caughtBy}`).toBe(true);
    }
  });
});
