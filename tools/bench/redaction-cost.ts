// The cost of redaction on a typical failing report, against another copy of redact.ts (the one
// before a change): `npx tsx tools/bench/redaction-cost.ts [--before <path to redact.ts>]`.
// A run of every fixture with a client that fails every case and quotes its values is made with
// redaction off; then every string of its results is redacted with the run's values, as the
// runner does, by each implementation in turn, interleaved round by round (measure.ts).
import { parseArgs } from 'node:util';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import type { SensitiveValues } from '../../conformance/redaction/redact.ts';
import { runSuite } from '../../conformance/run/runner.ts';
import leakingClient from '../../test/e2e/canary/leaking-client.ts';
import { compare } from './measure.ts';

const { values } = parseArgs({ options: { before: { type: 'string' }, rounds: { type: 'string', default: '15' } } });

/** Every string of a JSON-like value. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value !== null && typeof value === 'object') for (const member of Object.values(value)) stringsOf(member, out);
  return out;
}

const fixtures = await loadFixtures();
const { results } = await runSuite({
  adapter: leakingClient,
  adapterFlags: '--adapter bench',
  fixtures,
  properties: [],
  strict: true,
  seed: 1,
  expectations: [],
  region: 'us-east-1',
  caseTimeoutMs: 5_000,
  redact: false,
  inProcess: true,
  reporters: [],
});
const texts = stringsOf(results);
// Each result's own texts with its case's values, as the runner's per-case redactors see them.
const byCase = results.map((result) => {
  const fixture = fixtures.find((f) => f.id === result.id);
  return { values: fixture ? [fixture.params.Token, fixture.params.ClientId, fixture.params.ClientSecret] : [], texts: stringsOf(result) };
});
const sensitive = fixtures.flatMap((f) => [f.params.Token, f.params.ClientId, f.params.ClientSecret]);
const chars = texts.reduce((n, t) => n + t.length, 0);

type Module = { SensitiveValues: new (enabled?: boolean) => SensitiveValues };
const implementations: Record<string, Module> = { after: await import('../../conformance/redaction/redact.ts') };
if (values.before) implementations['before'] = (await import(values.before)) as Module;

/** One report's redaction: a fresh set of the run's values (indexed on first use), then every text. */
const job = (module: Module) => () => {
  const set = new module.SensitiveValues();
  set.add(...sensitive);
  for (const text of texts) set.redact(text);
};
/** Per case: a fresh set with that case's values, then its texts. */
const perCase = (module: Module) => () => {
  for (const c of byCase) {
    const set = new module.SensitiveValues();
    set.add(...c.values);
    for (const text of c.texts) set.redact(text);
  }
};
const timed = await compare(
  Object.fromEntries(
    Object.entries(implementations).flatMap(([name, module]) => [
      [`${name}, run-wide set`, job(module)],
      [`${name}, a set per case`, perCase(module)],
    ]),
  ),
  {
    rounds: Number(values.rounds),
    iterations: 5,
    warmup: 2,
  },
);
process.stdout.write(`${results.length} results, ${texts.length} strings, ${chars} characters, ${new Set(sensitive).size} values\n`);
for (const [name, ms] of Object.entries(timed)) {
  const base = timed[name.replace(/^after/, 'before')];
  process.stdout.write(`${name}: ${ms.toFixed(2)} ms per report${base && name.startsWith('after') ? ` (${(ms / base).toFixed(2)}x before)` : ''}\n`);
}
