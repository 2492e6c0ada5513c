// `npm run bench`, "failing clients": a run must stay short whatever the client gets wrong. Each
// one-fault client (a self-test mutant) runs the whole suite, default and --strict, and its time
// is given as a ratio to the correct minimal client's run in the same mode, measured alongside.
import { fileURLToPath } from 'node:url';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { CLIENT_PROPERTIES } from '../../conformance/properties/index.ts';
import { type FixtureWithFile, runSuite } from '../../conformance/run/runner.ts';
import type { Faults } from '../../conformance/self-test/minimal-client.ts';
import { minimalClient } from '../../conformance/self-test/minimal-client.ts';
import { MUTANTS } from '../../conformance/self-test/mutants.ts';

/** The clients of the table: a mutant's id (its faults), and what the row calls it. */
const FAILING_CLIENTS: ReadonlyArray<{ label: string; faults: Faults; caseTimeoutMs?: number }> = [
  { label: 'cuts Token at 2,048 characters (`truncates-token-at-2048`)', faults: faultsOf('truncates-token-at-2048') },
  { label: 'sends Token in upper case (`upper-cases-token`)', faults: faultsOf('upper-cases-token') },
  { label: 'operation lowercased in X-Amz-Target (`target-operation-lowercased`)', faults: faultsOf('target-operation-lowercased') },
  // Its first hang costs the whole case timeout, by definition: with the default 10 s that one
  // case is ten passing runs. The row uses --case-timeout 1000; BENCHMARKS.md gives both.
  { label: 'hangs after a 5xx answer (`hangs-on-server-error`, --case-timeout 1000)', faults: faultsOf('hangs-on-server-error'), caseTimeoutMs: 1_000 },
  { label: 'form-encodes values, + as %2B (`url-encodes-values`)', faults: faultsOf('url-encodes-values') },
  { label: 'retries every error after 2 s of back-off (`retries-everything`)', faults: { ...faultsOf('retries-everything'), backOffSeconds: 2 } },
];

function faultsOf(id: string): Faults {
  const mutant = MUTANTS.find((m) => m.id === id);
  // A mutant given as a module (Mutant.module) has no faults to run in this thread.
  if (!mutant?.faults) throw new Error(`no mutant ${id} with faults in conformance/self-test/mutants.ts`);
  return mutant.faults;
}

interface Measured {
  ms: number;
  failed: number;
  timing: { clientMs: number; harnessMs: number; backoffMs: number } | undefined;
  stopped: number;
}

async function wholeRun(
  faults: Faults,
  name: string,
  strict: boolean,
  fixtures: readonly FixtureWithFile[],
  seed: number,
  caseTimeoutMs = 10_000,
): Promise<Measured> {
  const adapter = minimalClient(faults, name);
  const { summary, results } = await runSuite({
    adapter,
    adapterFlags: `--adapter ${name}`,
    fixtures,
    properties: CLIENT_PROPERTIES,
    strict,
    seed,
    expectations: [],
    region: 'us-east-1',
    // The CLI's default unless the row says otherwise.
    caseTimeoutMs,
    redact: true,
    inProcess: true,
    reporters: [],
  });
  return { ms: summary.durationMs, failed: summary.failed, timing: summary.timing, stopped: results.filter((r) => r.stopped !== undefined).length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Prints the section; `rounds` runs of each client per mode, interleaved, median kept. */
export async function failingClients(fixtures: readonly FixtureWithFile[], options: { rounds: number; print: (line?: string) => void }) {
  const { print } = options;
  print();
  print('## Failing clients (whole run, minimal client with one fault, ratio to the correct minimal client)');
  print();
  print('| client | default | ratio | --strict | ratio | failed (default / strict) |');
  print('| --- | --- | --- | --- | --- | --- |');
  const clients: ReadonlyArray<{ label: string; faults: Faults; caseTimeoutMs?: number }> = [
    { label: 'correct minimal client (the baseline)', faults: {} },
    ...FAILING_CLIENTS,
  ];
  const samples = clients.map(() => ({ default: [] as Measured[], strict: [] as Measured[] }));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [index, client] of clients.entries()) {
      for (const strict of [false, true]) {
        const measured = await wholeRun(client.faults, `bench-${index}`, strict, fixtures, 1 + round, client.caseTimeoutMs);
        samples[index]![strict ? 'strict' : 'default'].push(measured);
      }
    }
  }
  const baseline = { default: median(samples[0]!.default.map((m) => m.ms)), strict: median(samples[0]!.strict.map((m) => m.ms)) };
  let worst = 0;
  for (const [index, client] of clients.entries()) {
    const d = median(samples[index]!.default.map((m) => m.ms));
    const s = median(samples[index]!.strict.map((m) => m.ms));
    worst = Math.max(worst, d / baseline.default, s / baseline.strict);
    const failed = `${samples[index]!.default[0]!.failed} / ${samples[index]!.strict[0]!.failed}`;
    print(
      `| ${client.label} | ${(d / 1000).toFixed(2)} s | ${(d / baseline.default).toFixed(2)}x | ${(s / 1000).toFixed(2)} s | ${(s / baseline.strict).toFixed(2)}x | ${failed} |`,
    );
  }
  print();
  print(`Worst ratio: ${worst.toFixed(2)}x (target: at most 3x).`);
  const sample = samples.map((s, i) => ({ label: clients[i]!.label, timing: s.default[0]!.timing }));
  print();
  print('Where the time went (default mode, first round): client / harness / virtual back-off');
  print();
  for (const { label, timing } of sample) {
    if (timing)
      print(`- ${label}: ${(timing.clientMs / 1000).toFixed(2)} s / ${(timing.harnessMs / 1000).toFixed(2)} s / ${(timing.backoffMs / 1000).toFixed(1)} s`);
  }
  return worst;
}

// `tsx tools/bench/failing-clients.ts [--quick]`: this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await failingClients(await loadFixtures(), { rounds: process.argv.includes('--quick') ? 1 : 3, print: (line = '') => process.stdout.write(`${line}\n`) });
}
