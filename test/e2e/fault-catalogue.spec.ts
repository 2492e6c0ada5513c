import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, CONTROLS } from '../../conformance/self-test/fault-catalogue/catalogue.ts';
import { inPool, judgeModule, type ModuleVerdict, scoreLine } from '../../conformance/self-test/fault-catalogue/score.ts';
import { loadSurvivors, SURVIVORS_FILE } from '../../conformance/self-test/fault-catalogue/survivors.ts';

// The fault catalogue's score, measured the way users run the suite: each entry is an adapter
// module run through the default suite (its should-level entries through the --strict one) in
// its own sandbox, as `--adapter <module>` runs it. Entries the suite does not catch yet are
// listed in survivors.json; one that starts being caught fails here until it is removed from
// the list, so the list only ever shrinks and the score in BENCHMARKS.md stays true.
// Print the score: npx tsx tools/fault-catalogue/score.ts

const root = fileURLToPath(new URL('../..', import.meta.url));
// Two sandboxes at a time: the machine has two cores, and each run is mostly the worker's CPU.
const POOL = 2;

const survivors = loadSurvivors(root);
const verdicts = new Map<string, ModuleVerdict>();

beforeAll(async () => {
  // The controls go through the same pool as the entries: a sandbox more at a time only slows each.
  const jobs = [
    ...CONTROLS.flatMap((c) => [
      { key: `${c.id} default`, run: () => judgeModule(c.id, c.module, root) },
      { key: `${c.id} strict`, run: () => judgeModule(c.id, c.module, root, { strict: true }) },
    ]),
    ...CATALOGUE.map((e) => ({ key: e.id, run: () => judgeModule(e.id, e.module, root, { caseTimeoutMs: e.caseTimeoutMs, strict: e.strict }) })),
  ];
  const results = await inPool(jobs, POOL, (job) => job.run());
  for (const [i, job] of jobs.entries()) verdicts.set(job.key, results[i]!);
}, 900_000);

describe('the fault catalogue through the suite', () => {
  it.each(CONTROLS.map((c) => [c.id] as const))('the %s client passes the whole default suite, and the strict one', (id) => {
    for (const v of [verdicts.get(`${id} default`)!, verdicts.get(`${id} strict`)!]) {
      expect(v.error, `${id} could not run`).toBeUndefined();
      expect(v.failedCases, `${id} must pass every case`).toEqual([]);
      expect(v.passed).toBeGreaterThan(0);
    }
  });

  it.each(CATALOGUE.map((e) => [e.id, e] as const))('%s', (id, entry) => {
    const v = verdicts.get(id)!;
    expect(v.error, `${id} could not run`).toBeUndefined();
    if (survivors.has(id)) {
      expect(v.caught, `${id} is now caught (by ${v.failedRules.join(', ')}: ${v.failedCases.slice(0, 3).join('; ')}): remove it from ${SURVIVORS_FILE}`).toBe(
        false,
      );
      return;
    }
    expect(
      v.caught,
      `${id} survives the ${entry.strict ? 'strict' : 'default'} suite (it needs ${entry.via}); list it in ${SURVIVORS_FILE} or add the case`,
    ).toBe(true);
    if (entry.rule) expect(v.failedRules, `${id} must be caught by ${entry.rule}`).toContain(entry.rule);
  });

  it('scores as survivors.json says', () => {
    const all = CATALOGUE.map((e) => verdicts.get(e.id)!);
    expect(scoreLine(all)).toBe(`caught ${CATALOGUE.length - survivors.size} of ${CATALOGUE.length}`);
  });
});
