import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CHECKS } from '../../conformance/checks/index.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { CLIENT_SEQUENCES } from '../../conformance/properties/call-sequences.ts';
import { CLIENT_PROPERTIES } from '../../conformance/properties/index.ts';
import { rulesOf } from '../../conformance/rules/registry.ts';
import { type FixtureWithFile, runSuite } from '../../conformance/run/runner.ts';
import { minimalClient } from '../../conformance/self-test/minimal-client.ts';
import { MUTANTS, type Mutant } from '../../conformance/self-test/mutants.ts';

// A fixed seed keeps the self-test deterministic; the runs are enough for every mutant's
// fault to show (each property hits every error and wire variant many times over 30 runs).
const SEED = 20261123;
const RUNS = 30;
let fixtures: FixtureWithFile[];

beforeAll(async () => {
  fixtures = await loadFixtures();
});

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A mutant as the suite meets it: the minimal client with its faults, or its own module run in the sandbox. */
function subjectOf(mutant: Mutant): { adapter: ReturnType<typeof minimalClient> } | { adapterModule: string } {
  return mutant.module ? { adapterModule: join(root, mutant.module) } : { adapter: minimalClient(mutant.faults, `mutant ${mutant.id}`) };
}

async function run(
  subject: { adapter: ReturnType<typeof minimalClient> } | { adapterModule: string },
  strict: boolean,
  caseTimeoutMs = 1_000,
  sequences = true,
) {
  return runSuite({
    ...subject,
    adapterFlags: `--adapter ${'adapter' in subject ? subject.adapter.name : subject.adapterModule}`,
    fixtures,
    properties: CLIENT_PROPERTIES,
    sequences: sequences ? CLIENT_SEQUENCES : [],
    strict,
    seed: SEED,
    runs: RUNS,
    expectations: [],
    region: 'us-east-1',
    caseTimeoutMs,
    redact: true,
    inProcess: true,
    reporters: [],
  });
}

describe('the checks can pass', () => {
  it.each([
    ['without retries', minimalClient()],
    ['with retries', minimalClient({}, 'minimal-client with retries', { retries: true })],
  ])('the minimal client %s passes every must and should rule', async (_label, client) => {
    const { summary, results } = await run({ adapter: client }, true);
    const failing = results.filter((r) => r.classified.kind === 'fail').map((r) => `${r.id}: ${JSON.stringify(r.classified)}`);
    expect(failing).toEqual([]);
    // Only the retries property may be not applicable (to the variant that does not retry).
    expect(summary.passed + summary.notApplicable).toBe(summary.total);
    expect(results.filter((r) => r.classified.kind === 'not-applicable').map((r) => r.id)).toEqual(client.capabilities?.retries ? [] : ['retries']);
  });
});

describe('every check catches the broken client made for it', () => {
  it('every client rule in the registry, and every rule a client check reports, has a mutant', () => {
    const rules = new Set<string>([...rulesOf('client').map((r) => r.id), ...CLIENT_CHECKS.flatMap((c) => c.rules)]);
    const covered = new Set(MUTANTS.map((m) => m.caughtBy));
    expect([...rules].filter((rule) => !covered.has(rule)).sort()).toEqual([]);
  });

  it.each(MUTANTS.map((m) => [m.id, m] as const))('%s', async (_id, mutant) => {
    const { summary, results } = await run(subjectOf(mutant), mutant.strict ?? false, mutant.caseTimeoutMs);
    expect(summary.failed, 'the run must fail').toBeGreaterThan(0);
    const failedRules = new Set(results.flatMap((r) => (r.classified.kind === 'fail' ? r.classified.failures.map((v) => v.check) : [])));
    expect([...failedRules], `rule ${mutant.caughtBy} must be among the failures`).toContain(mutant.caughtBy);
  });
});

describe('a should-level fault never fails a default run', () => {
  // A must rule that also fired on a should-level fault would shadow it: the client would fail
  // without --strict for a divergence the suite calls allowed (decisions/0008).
  it.each(MUTANTS.filter((m) => m.strict).map((m) => [m.id, m] as const))('%s passes without --strict', async (_id, mutant) => {
    const { summary, results } = await run(subjectOf(mutant), false, mutant.caseTimeoutMs);
    const failing = results.filter((r) => r.classified.kind === 'fail').map((r) => `${r.id}: ${JSON.stringify(r.classified)}`);
    expect(failing).toEqual([]);
    expect(summary.failed).toBe(0);
  });
});

describe('faults across calls are caught only by the call sequences', () => {
  // Each of these clients passes every fixture and property: one call with fresh input, one
  // endpoint, no signal aborted before the call. Only a sequence on one adapter object shows it.
  it.each(MUTANTS.filter((m) => m.onlySequences).map((m) => [m.id, m] as const))('%s passes without sequences and fails with them', async (_id, mutant) => {
    const without = await run(subjectOf(mutant), mutant.strict ?? false, mutant.caseTimeoutMs, false);
    expect(without.summary.failed, 'fixtures and properties alone must not catch it').toBe(0);
    const { results } = await run(subjectOf(mutant), mutant.strict ?? false, mutant.caseTimeoutMs);
    const sequence = results.find((r) => r.id === 'call-sequences');
    expect(sequence?.classified.kind).toBe('fail');
    expect(sequence?.classified.kind === 'fail' ? sequence.classified.failures.map((v) => v.check) : []).toContain(mutant.caughtBy);
    // The shrunk sequence reads as a short numbered list of calls, with its replay line.
    expect(sequence?.calls?.[0]).toMatch(/^0\. the adapter object had served \d+ calls of this run before the sequence$/);
    expect(sequence?.calls?.length).toBeGreaterThan(1);
    expect(sequence?.calls?.length).toBeLessThanOrEqual(7);
    expect(sequence?.calls?.[1]).toMatch(/^1\. call 1: revokeToken\(input#1\) → https:\/\//);
    expect(sequence?.replay).toMatch(/--filter call-sequences --seed \d+ --replay \S+~\S+/);
  });
});
