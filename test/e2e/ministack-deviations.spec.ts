import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExpectationsFile } from '../../conformance/run/expectations.ts';
import { cli } from './cli-harness.ts';

const EXPECTATIONS = new URL('../../conformance/expectations/ministack.json', import.meta.url).pathname;
const pinned = (JSON.parse(readFileSync(EXPECTATIONS, 'utf8')) as ExpectationsFile).expectations;

interface JsonReport {
  summary: { implementation: string; total: number; failed: number; expectedFailures: number; unexpectedPasses: number; budgetExhausted: boolean };
  results: { id: string; verdicts: { check: string; status: string }[]; classified: { kind: string } }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'revoketoken-ministack-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One run of `--server ministack` through the CLI (the lane starts and stops MiniStack itself). */
async function runMiniStack(name: string, ...flags: string[]): Promise<{ code: number; stderr: string; report: JsonReport }> {
  const out = join(scratch, `${name}.json`);
  const { code, stderr } = await cli('--server', 'ministack', '--strict', '--seed', '1', '--reporter', `json=${out}`, ...flags);
  return { code, stderr, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport };
}

function expectationsFile(name: string, expectations: ExpectationsFile['expectations']): string {
  const path = join(scratch, `${name}.expectations.json`);
  writeFileSync(path, JSON.stringify({ adapter: 'ministack', expectations }));
  return path;
}

// The lane builds its venv on first use (pip and PyPI); a lane that skipped when MiniStack is
// missing would let its expectations rot, so it fails instead.
describe('MiniStack 1.5.33 deviates exactly as its expectations file says', () => {
  it('passes with its expectations file, every other case passing outright', async () => {
    const { code, stderr, report } = await runMiniStack('with-expectations');
    expect(code, stderr).toBe(0);
    expect(report.summary).toMatchObject({ implementation: 'MiniStack 1.5.33', failed: 0, unexpectedPasses: 0, budgetExhausted: false });
    // MiniStack implements RevokeToken: the cases it gets right pass outright.
    expect(report.summary.expectedFailures).toBeLessThan(report.summary.total);
  });

  it('fails without it, on exactly the pinned rules', async () => {
    const { code, report } = await runMiniStack('without-expectations', '--expectations', expectationsFile('none', []));
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
    expect(report.summary.failed).toBe(new Set(pinned.map((e) => e.case)).size);
  });

  it('fails when a listed deviation stops happening', async () => {
    // H1 (every request answered in time) holds on MiniStack, so listing it as a deviation is stale.
    const stale = expectationsFile('stale', [...pinned, { case: 'claim-refuses-get', check: 'H1', reason: 'stale on purpose', source: 'this test' }]);
    const { code, report } = await runMiniStack('stale', '--expectations', stale, '--filter', 'claim-refuses-get');
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ failed: 0, unexpectedPasses: 1 });
    expect(report.results.find((r) => r.id === 'claim-refuses-get')?.classified.kind).toBe('unexpected-pass');
  });

  it('keeps on record that revoked access tokens keep working, and why', () => {
    const listed = new Map(pinned.map((e) => [`${e.case}#${e.check ?? '*'}`, e]));
    for (const rule of ['semantics-revoking-ends-the-session#R3', 'semantics-populated-world#R9']) {
      expect(listed.get(rule)?.reason, rule).toMatch(/^Revoked access tokens keep working/);
      expect(listed.get(rule)?.source, rule).toContain('only when MiniStack is started with AUTH=true');
    }
    for (const entry of pinned)
      expect(entry.source, `${entry.case}#${entry.check}`).toMatch(/^MiniStack 1\.5\.33 \(https:\/\/pypi\.org\/project\/ministack\/1\.5\.33\/\) ministack\//);
  });
});
