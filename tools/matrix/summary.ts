// The small, committed form of a matrix run (conformance/matrix/summary.json): counts and
// rule ids per implementation, nothing that changes from run to run (no timings, no seeds'
// counterexamples), so `npm run matrix -- --check` can compare it with a fresh run.
import type { Observation } from '../resource-server/observation.ts';
import type { LaneState, MatrixData, OfficialCaseFigures } from './matrix-data.ts';
import type { Side } from './rules.ts';

export interface SummaryRow {
  name: string;
  kind: Side;
  version: string | null;
  /** stale: it could not run, and the figures are its last good ones (stale.ts). */
  state: LaneState;
  note?: string;
  must: { passed: number; total: number };
  should: { passed: number; total: number };
  /** Rules that do not pass at some level, every failure listed in the lane's expectations file. */
  expected: string[];
  /** Rules with a failure nobody listed (a green matrix has none). */
  unexpected: string[];
  /** Rules passed at every level judged: with the two lists above, what a stale column shows. */
  passing: string[];
}

/** An informational lane: what it saw, never counted. */
export interface InformationalRow {
  name: string;
  version: string | null;
  state: LaneState;
  note?: string;
  finding?: string;
  observations: Observation[];
}

export interface MatrixSummary {
  format: 1;
  implementations: SummaryRow[];
  informational?: InformationalRow[];
  officialCases?: OfficialCaseFigures;
}

export function summarize(data: MatrixData): MatrixSummary {
  return {
    format: 1,
    implementations: data.lanes.map((lane) => ({
      name: lane.name,
      kind: lane.kind,
      version: lane.version,
      state: lane.state,
      // Only the first note: it says why a lane was skipped or could not run, in words that do not change between runs.
      ...(lane.state !== 'ran' && lane.notes[0] ? { note: lane.notes[0] } : {}),
      must: { passed: lane.counts.must.passed, total: lane.counts.must.total },
      should: { passed: lane.counts.should.passed, total: lane.counts.should.total },
      expected: lane.expected,
      unexpected: lane.unexpected,
      passing: lane.passing,
    })),
    ...(data.informational
      ? {
          informational: data.informational.map((lane) => ({
            name: lane.name,
            version: lane.version,
            state: lane.state,
            ...(lane.state !== 'ran' && lane.notes[0] ? { note: lane.notes[0] } : {}),
            ...(lane.finding ? { finding: lane.finding } : {}),
            observations: lane.observations,
          })),
        }
      : {}),
    ...(data.officialCases ? { officialCases: data.officialCases } : {}),
  };
}

export function serializeSummary(summary: MatrixSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** Lines saying how two summaries differ, for --check; empty when they agree. */
export function summaryDifferences(committed: MatrixSummary, fresh: MatrixSummary): string[] {
  const differences = [
    ...rowDifferences(committed.implementations, fresh.implementations),
    ...rowDifferences(committed.informational ?? [], fresh.informational ?? []).map((d) => `informational ${d}`),
  ];
  const [officialBefore, officialAfter] = [JSON.stringify(committed.officialCases), JSON.stringify(fresh.officialCases)];
  if (officialBefore !== officialAfter) differences.push(`official cases: committed ${officialBefore ?? 'nothing'}, now ${officialAfter ?? 'nothing'}`);
  if (differences.length === 0 && serializeSummary(committed) !== serializeSummary(fresh)) differences.push('the lanes are in another order');
  return differences;
}

function rowDifferences<Row extends { name: string }>(committed: readonly Row[], fresh: readonly Row[]): string[] {
  const differences: string[] = [];
  const names = new Set([...committed.map((r) => r.name), ...fresh.map((r) => r.name)]);
  for (const name of names) {
    const before = committed.find((r) => r.name === name);
    const after = fresh.find((r) => r.name === name);
    if (!before) differences.push(`${name}: new in this run`);
    else if (!after) differences.push(`${name}: no longer in the lanes`);
    else {
      for (const key of Object.keys({ ...before, ...after }) as (keyof Row)[]) {
        const [a, b] = [JSON.stringify(before[key]), JSON.stringify(after[key])];
        if (a !== b) differences.push(`${name} ${String(key)}: committed ${a ?? 'nothing'}, now ${b ?? 'nothing'}`);
      }
    }
  }
  return differences;
}
