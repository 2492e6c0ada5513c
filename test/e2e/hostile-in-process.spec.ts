import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import type { Result, Summary } from '../../conformance/run/result.ts';
import { runSuite } from '../../conformance/run/runner.ts';
import { cli } from './cli-harness.ts';

// Hostile in-process adapters (test/e2e/hostile/in-process/): each breaks the harness a
// different way. Whatever it does, the run must end through the suite's own bounds, write its
// report, name what happened, and exit 1. Each runs one case (--filter), with a short
// --case-timeout so the hanging kinds end quickly.

const hostile = (name: string) => new URL(`./hostile/in-process/${name}.ts`, import.meta.url).pathname;
const SUCCESS_CASE = 'RevokeTokenRequestAllMembers';

interface HostileCase {
  adapter: string;
  /** The result that must fail: the case, or the run's own adapter-load / adapter-close. */
  result: string;
  rule: string;
  actual: RegExp;
}

const CASES: HostileCase[] = [
  { adapter: 'exits', result: SUCCESS_CASE, rule: 'A5', actual: /called process\.exit\(0\)/ },
  { adapter: 'never-settling-factory', result: 'adapter-load', rule: 'A5', actual: /never settled|did not finish loading/ },
  { adapter: 'never-settling-top-level-await', result: 'adapter-load', rule: 'A5', actual: /never settled|did not finish loading/ },
  { adapter: 'never-settling-close', result: 'adapter-close', rule: 'A5', actual: /close\(\) did not settle/ },
  { adapter: 'throwing-close', result: 'adapter-close', rule: 'A5', actual: /close\(\) threw: Error: close failed on purpose/ },
  { adapter: 'unhandled-rejection', result: SUCCESS_CASE, rule: 'A5', actual: /unhandled rejection: Error: nobody handles this/ },
  { adapter: 'uncaught-throw', result: SUCCESS_CASE, rule: 'A5', actual: /uncaught exception: Error: thrown from nowhere/ },
  { adapter: 'sync-throw', result: SUCCESS_CASE, rule: 'A5', actual: /bare TypeError/ },
  { adapter: 'non-promise', result: SUCCESS_CASE, rule: 'A5', actual: /returned number 42, not a promise/ },
  { adapter: 'throwing-getters', result: SUCCESS_CASE, rule: 'A5', actual: /cannot be read/ },
  { adapter: 'proxy-error', result: SUCCESS_CASE, rule: 'A5', actual: /cannot be read/ },
  { adapter: 'overwrites-response', result: SUCCESS_CASE, rule: 'A5', actual: /overwrote globalThis\.Response/ },
  { adapter: 'leaks-interval', result: SUCCESS_CASE, rule: 'A5', actual: /left a real setInterval running/ },
  { adapter: 'busy-loop', result: SUCCESS_CASE, rule: 'A4', actual: /stopped answering .* terminated/ },
  { adapter: 'own-fetch', result: SUCCESS_CASE, rule: 'A6', actual: /tried to reach the network: tcp cognito-idp\.us-east-1\.amazonaws\.com:443/ },
  { adapter: 'own-https-request', result: SUCCESS_CASE, rule: 'A6', actual: /tried to reach the network: tcp cognito-idp\.us-east-1\.amazonaws\.com:443/ },
];

describe('a hostile in-process adapter fails the run with a verdict, a report and exit 1', () => {
  it.each(CASES.map((c) => [c.adapter, c] as const))('%s', async (_name, c) => {
    const report = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'report.json');
    // Seed 3 sends the case to https://cognito-idp.us-east-1.amazonaws.com, the host the A6 verdicts name.
    const { code, stderr } = await cli(
      '--adapter',
      hostile(c.adapter),
      '--filter',
      SUCCESS_CASE,
      '--seed',
      '3',
      '--case-timeout',
      '500',
      '--reporter',
      `json=${report}`,
    );
    expect(code, stderr).toBe(1);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { summary: Summary; results: Result[] };
    expect(written.summary.failed).toBeGreaterThan(0);
    const result = written.results.find((r) => r.id === c.result);
    expect(result?.classified.kind, JSON.stringify(written.results)).toBe('fail');
    const failing = result!.verdicts.filter((v) => v.status === 'fail' && v.check === c.rule);
    expect(failing.map((v) => v.actual).join('\n')).toMatch(c.actual);
  });

  it('a sandbox poisoned by one case is replaced, and the next case runs in a fresh one', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'report.json');
    const { code } = await cli('--adapter', hostile('exits'), '--filter', SUCCESS_CASE, '--filter', 'RevokeTokenProxyHtml502', '--reporter', `json=${report}`);
    expect(code).toBe(1);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { results: Result[] };
    // Both cases ran and both name the exit: the second was not lost with the first worker.
    expect(written.results.map((r) => r.id).sort()).toEqual(['RevokeTokenProxyHtml502', SUCCESS_CASE].sort());
    for (const r of written.results) expect(r.verdicts.find((v) => v.check === 'A5')?.actual).toMatch(/process\.exit\(0\)/);
  });

  it('a call that eats memory is ended by the heap bound and fails A5, naming it', async () => {
    // Through the programmatic API, for a small bound that runs out quickly.
    const fixtures = (await loadFixtures()).filter((f) => f.id === SUCCESS_CASE);
    const { summary, results } = await runSuite({
      adapterModule: hostile('eats-memory'),
      sandbox: { maxHeapMb: 128 },
      adapterFlags: '--adapter eats-memory',
      fixtures,
      properties: [],
      strict: false,
      seed: 1,
      expectations: [],
      region: 'us-east-1',
      caseTimeoutMs: 20_000,
      redact: true,
      reporters: [],
    });
    expect(summary.failed).toBe(1);
    expect(results[0]!.verdicts.find((v) => v.check === 'A5')?.actual).toMatch(/out of memory/);
  });
});
