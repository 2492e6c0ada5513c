import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../conformance/run/result.ts';
import { conformanceVerdict } from './suite-verdict.ts';

// The client direction of mutation testing: Stryker mutates the minimal client, and a mutant
// is killed only when the suite's own verdict stops being a full pass: the CLI's exit code,
// and every case run (the report's not-applicable verdicts, which the contract says never
// count as a pass). Nothing here looks inside the client. A fixed seed keeps one mutant's
// verdict reproducible.
const SEED = '20261201';
const CLIENTS = [
  // The only case a client without retries cannot take part in is the retries property.
  { module: 'minimal-client.ts', notApplicable: ['retries'] },
  { module: 'minimal-client-with-retries.ts', notApplicable: [] },
].map((c) => ({ ...c, path: new URL(`../adapters/${c.module}`, import.meta.url).pathname }));

async function suitePasses(extraFlags: string[]): Promise<void> {
  for (const client of CLIENTS) {
    const reportPath = join(mkdtempSync(join(tmpdir(), 'mutation-client-')), 'report.json');
    const { code, report } = await conformanceVerdict([
      '--adapter',
      client.path,
      '--seed',
      SEED,
      '--reporter',
      'human',
      '--reporter',
      `json=${reportPath}`,
      // Stryker switches mutants through a global of this thread: the client must run here.
      '--no-isolate',
      ...extraFlags,
    ]);
    expect(code, `the suite must pass ${client.module}\n${report}`).toBe(0);
    const { results } = JSON.parse(readFileSync(reportPath, 'utf8')) as { results: Result[] };
    const notApplicable = results.filter((r) => r.classified.kind === 'not-applicable').map((r) => r.id);
    expect(notApplicable, `every case must run against ${client.module}`).toEqual(client.notApplicable);
  }
}

// Two tests, so Stryker's killedBy names the mode: a mutant the default run lets through and
// the strict run catches broke only a should-level rule.
describe('the conformance suite passes the minimal client', () => {
  it('default mode', () => suitePasses([]));
  it('strict mode', () => suitePasses(['--strict']));
});
