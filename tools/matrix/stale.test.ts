import { describe, expect, it } from 'vitest';
import { buildMatrix, type LaneOutcome } from './collect.ts';
import type { InformationalColumn } from './matrix-data.ts';
import { ruleGroups } from './rules.ts';
import { keepLastGood, keepLastGoodInformation } from './stale.ts';
import { type InformationalRow, type SummaryRow, summarize, summaryDifferences } from './summary.ts';

const committedMoto: SummaryRow = {
  name: 'moto',
  kind: 'server',
  version: 'moto 5.2.5',
  state: 'ran',
  must: { passed: 7, total: 26 },
  should: { passed: 2, total: 6 },
  expected: ['R1', 'S14'],
  unexpected: ['R3'],
  passing: ['H1', 'H2'],
};

const broken = (state: 'error' | 'skipped' | 'ran' = 'error'): LaneOutcome => ({
  column: { name: 'moto', kind: 'server', version: 'moto 5.2.6', state, notes: ['could not run (exit 2)', 'pip: no matching distribution'] },
  cells: {},
});

describe('a lane that could not run', () => {
  it('keeps its last good result, marked stale with the reason and the version the result is for', () => {
    const kept = keepLastGood(broken(), committedMoto);
    expect(kept.column.state).toBe('stale');
    expect(kept.column.version).toBe('moto 5.2.5');
    expect(kept.column.notes[0]).toMatch(/^stale: could not run \(exit 2\); showing the last good result \(moto 5\.2\.5\)/);
    expect(kept.column.notes[1]).toBe('pip: no matching distribution');
    expect(Object.fromEntries(Object.entries(kept.cells).map(([rule, cell]) => [rule, cell.status]))).toEqual({
      H1: 'pass',
      H2: 'pass',
      R1: 'expected',
      S14: 'expected',
      R3: 'fail',
    });
  });

  it('does not blank the column: the matrix and the summary carry the kept figures', () => {
    const data = buildMatrix(ruleGroups(), [keepLastGood(broken(), committedMoto)], 1);
    const [row] = summarize(data).implementations;
    expect(row).toMatchObject({
      state: 'stale',
      version: 'moto 5.2.5',
      must: committedMoto.must,
      should: committedMoto.should,
      expected: ['R1', 'S14'],
      unexpected: ['R3'],
    });
    expect(row?.passing).toEqual(['H1', 'H2']);
    expect(row?.note).toMatch(/^stale: could not run \(exit 2\)/);
  });

  it('is still a difference for --check: the committed result was not verified by this run', () => {
    const fresh = summarize(buildMatrix(ruleGroups(), [keepLastGood(broken(), committedMoto)], 1));
    const differences = summaryDifferences({ format: 1, implementations: [committedMoto] }, fresh);
    expect(differences).toEqual(
      expect.arrayContaining([expect.stringMatching(/^moto state: committed "ran", now "stale"$/), expect.stringMatching(/^moto note:/)]),
    );
  });

  it('carries a committed stale result forward with the new reason', () => {
    const once = summarize(buildMatrix(ruleGroups(), [keepLastGood(broken(), committedMoto)], 1)).implementations[0]!;
    const again = keepLastGood({ ...broken(), column: { ...broken().column, notes: ['could not run: no result within 900 s'] } }, once);
    expect(again.column.state).toBe('stale');
    expect(again.column.notes[0]).toMatch(/^stale: could not run: no result within 900 s; showing the last good result \(moto 5\.2\.5\)/);
    expect(again.kept?.unexpected).toEqual(['R3']);
  });

  it('stays as it is when it ran, when it is not in the tree yet, or when there is no good result to keep', () => {
    expect(keepLastGood(broken('ran'), committedMoto).column.state).toBe('ran');
    expect(keepLastGood(broken('skipped'), committedMoto).column.state).toBe('skipped');
    expect(keepLastGood(broken(), undefined).column.state).toBe('error');
    expect(keepLastGood(broken(), { ...committedMoto, state: 'error', note: 'could not run (exit 2)' }).column.state).toBe('error');
  });
});

describe('an informational lane that could not run', () => {
  const committed: InformationalRow = {
    name: 'aws-jwt-verify',
    version: 'aws-jwt-verify 5.2.1',
    state: 'ran',
    finding: 'the verifier still accepts it',
    observations: [{ id: 'verifier-after-revoke', judge: 'JWT verifier', step: 'after', seen: 'accepted', detail: 'ok' }],
  };
  const failed: InformationalColumn = {
    name: 'aws-jwt-verify',
    title: 't',
    version: null,
    state: 'error',
    notes: ['could not run (exit 2)'],
    observations: [],
    sources: [],
  };

  it('keeps its committed observations and finding, stale', () => {
    expect(keepLastGoodInformation(failed, committed)).toMatchObject({
      state: 'stale',
      version: 'aws-jwt-verify 5.2.1',
      finding: 'the verifier still accepts it',
      observations: committed.observations,
      notes: [expect.stringMatching(/^stale: could not run \(exit 2\)/)],
    });
    expect(keepLastGoodInformation(failed, undefined).state).toBe('error');
  });
});
