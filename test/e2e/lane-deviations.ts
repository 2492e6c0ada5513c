import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { ExpectationsFile } from '../../conformance/run/expectations.ts';
import { cli } from './cli-harness.ts';

interface JsonReport {
  summary: { implementation: string; total: number; failed: number; expectedFailures: number; unexpectedPasses: number; budgetExhausted: boolean };
  results: { id: string; verdicts: { check: string; status: string }[]; classified: { kind: string } }[];
}

/** A server lane whose listed deviations the shared tests below hold it to. */
export interface DeviatingLane {
  /** The `--server` name, which is also its expectations file's name. */
  lane: string;
  /** How reports name it, release included. */
  implementation: string;
  /** Whether no case passes outright (moto, which does not implement RevokeToken), or some do. */
  everyCaseDeviates: boolean;
}

/** The lane's committed expectations. */
export function pinnedExpectations(lane: string): ExpectationsFile['expectations'] {
  const path = new URL(`../../conformance/expectations/${lane}.json`, import.meta.url).pathname;
  return (JSON.parse(readFileSync(path, 'utf8')) as ExpectationsFile).expectations;
}

/**
 * The three tests every server lane's deviations are held to: it passes with its expectations
 * file, fails without it on exactly the listed (case, rule) pairs, and fails when a listed
 * deviation stops happening. Call inside the lane's describe(). The lane installs its emulator
 * on first use; a lane that skipped when its emulator is missing would let its list rot.
 */
export function itDeviatesExactlyAsListed({ lane, implementation, everyCaseDeviates }: DeviatingLane): void {
  const pinned = pinnedExpectations(lane);
  const scratch = mkdtempSync(join(tmpdir(), `revoketoken-${lane}-e2e-`));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const run = async (name: string, ...flags: string[]) => {
    const out = join(scratch, `${name}.json`);
    const { code, stderr } = await cli('--server', lane, '--strict', '--seed', '1', '--reporter', `json=${out}`, ...flags);
    return { code, stderr, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport };
  };
  const expectationsFile = (name: string, expectations: ExpectationsFile['expectations']) => {
    const path = join(scratch, `${name}.expectations.json`);
    writeFileSync(path, JSON.stringify({ adapter: lane, expectations }));
    return path;
  };

  it(`passes with its expectations file, ${everyCaseDeviates ? 'every case being a listed deviation' : 'every other case passing outright'}`, async () => {
    const { code, stderr, report } = await run('with-expectations');
    expect(code, stderr).toBe(0);
    expect(report.summary).toMatchObject({ implementation, failed: 0, unexpectedPasses: 0, budgetExhausted: false });
    if (everyCaseDeviates) expect(report.summary.expectedFailures).toBe(report.summary.total);
    else expect(report.summary.expectedFailures).toBeLessThan(report.summary.total);
  });

  it('fails without it, on exactly the pinned rules', async () => {
    const { code, report } = await run('without-expectations', '--expectations', expectationsFile('none', []));
    expect(code).toBe(1);
    // One entry per (case, rule): a rule may fail a case with more than one verdict (R17 and its message).
    const failed = [...new Set(report.results.flatMap((r) => r.verdicts.filter((v) => v.status === 'fail').map((v) => `${r.id}#${v.check}`)))];
    const wholeCases = new Set(pinned.filter((e) => e.check === undefined).map((e) => e.case));
    const pinnedRules = pinned.filter((e) => e.check !== undefined).map((e) => `${e.case}#${e.check}`);
    const outsideWholeCases = (pair: string) => !wholeCases.has(pair.split('#')[0]!);
    expect(failed.filter(outsideWholeCases).sort()).toEqual(pinnedRules.filter(outsideWholeCases).sort());
    for (const id of wholeCases)
      expect(
        failed.some((f) => f.startsWith(`${id}#`)),
        id,
      ).toBe(true);
    expect(report.summary.failed).toBe(new Set(pinned.map((e) => e.case)).size);
  });

  it('fails when a listed deviation stops happening', async () => {
    // H1 (every request answered in time) holds on the lane, so listing it as a deviation is stale.
    const stale = expectationsFile('stale', [...pinned, { case: 'claim-refuses-get', check: 'H1', reason: 'stale on purpose', source: 'this test' }]);
    const { code, report } = await run('stale', '--expectations', stale, '--filter', 'claim-refuses-get');
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ failed: 0, unexpectedPasses: 1 });
    expect(report.results.find((r) => r.id === 'claim-refuses-get')?.classified.kind).toBe('unexpected-pass');
  });
}
