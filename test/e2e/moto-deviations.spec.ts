import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExpectationsFile } from '../../conformance/run/expectations.ts';
import { cli } from './cli-harness.ts';

const EXPECTATIONS = new URL('../../conformance/expectations/moto.json', import.meta.url).pathname;
const pinned = (JSON.parse(readFileSync(EXPECTATIONS, 'utf8')) as ExpectationsFile).expectations;

interface JsonReport {
  summary: { implementation: string; total: number; failed: number; expectedFailures: number; unexpectedPasses: number; budgetExhausted: boolean };
  results: { id: string; verdicts: { check: string; status: string }[]; classified: { kind: string } }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'revoketoken-moto-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One run of `--server moto` through the CLI (the lane starts and stops moto itself). */
async function runMoto(name: string, ...flags: string[]): Promise<{ code: number; stderr: string; report: JsonReport }> {
  const out = join(scratch, `${name}.json`);
  const { code, stderr } = await cli('--server', 'moto', '--strict', '--seed', '1', '--reporter', `json=${out}`, ...flags);
  return { code, stderr, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport };
}

function expectationsFile(name: string, expectations: ExpectationsFile['expectations']): string {
  const path = join(scratch, `${name}.expectations.json`);
  writeFileSync(path, JSON.stringify({ adapter: 'moto', expectations }));
  return path;
}

// The lane builds its venv on first use (pip and PyPI); a lane that skipped when moto is
// missing would let its expectations rot, so it fails instead.
describe('moto 5.2.5 deviates exactly as its expectations file says', () => {
  it('passes with its expectations file, every case being a listed deviation', async () => {
    const { code, stderr, report } = await runMoto('with-expectations');
    expect(code, stderr).toBe(0);
    expect(report.summary).toMatchObject({ implementation: 'moto 5.2.5', failed: 0, unexpectedPasses: 0, budgetExhausted: false });
    // RevokeToken is not implemented, so no case passes outright.
    expect(report.summary.expectedFailures).toBe(report.summary.total);
  });

  it('fails without it, on exactly the pinned rules', async () => {
    const { code, report } = await runMoto('without-expectations', '--expectations', expectationsFile('none', []));
    expect(code).toBe(1);
    // One entry per (case, rule): a rule may fail a case with more than one verdict (R17 and its message).
    const failed = [...new Set(report.results.flatMap((r) => r.verdicts.filter((v) => v.status === 'fail').map((v) => `${r.id}#${v.check}`)))];
    const wholeCases = new Set(pinned.filter((e) => e.check === undefined).map((e) => e.case));
    const pinnedRules = pinned.filter((e) => e.check !== undefined).map((e) => `${e.case}#${e.check}`);
    expect(failed.filter((f) => !wholeCases.has(f.split('#')[0]!)).sort()).toEqual(pinnedRules.filter((p) => !wholeCases.has(p.split('#')[0]!)).sort());
    for (const id of wholeCases)
      expect(
        failed.some((f) => f.startsWith(`${id}#`)),
        id,
      ).toBe(true);
    expect(report.summary.failed).toBe(report.summary.total);
  });

  it('fails when a listed deviation stops happening', async () => {
    // H1 (every request answered in time) holds on moto, so listing it as a deviation is stale.
    const stale = expectationsFile('stale', [...pinned, { case: 'claim-refuses-get', check: 'H1', reason: 'stale on purpose', source: 'this test' }]);
    const { code, report } = await runMoto('stale', '--expectations', stale, '--filter', 'claim-refuses-get');
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ failed: 0, unexpectedPasses: 1 });
    expect(report.results.find((r) => r.id === 'claim-refuses-get')?.classified.kind).toBe('unexpected-pass');
  });

  it('keeps on record that moto does not implement RevokeToken', () => {
    const listed = new Map(pinned.map((e) => [`${e.case}#${e.check ?? '*'}`, e]));
    for (const rule of [
      'semantics-revoking-ends-the-session#R1',
      'semantics-access-and-id-tokens-are-refused#R5',
      'semantics-revocation-switched-off-is-refused#R6',
      'semantics-client-secret-is-checked#R7',
    ]) {
      expect(listed.get(rule)?.source, rule).toContain('NotImplementedError("The revoke_token action has not been implemented")');
    }
    for (const entry of pinned) expect(entry.source, `${entry.case}#${entry.check}`).toMatch(/^moto 5\.2\.5 moto\//);
  });
});
