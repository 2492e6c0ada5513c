// A lane that could not run this time (its build broke, a package is missing, it ran out of
// time) keeps its last good result from the committed summary, marked stale with the reason,
// so a broken toolchain never blanks a column. The run still exits 1 for it, and --check
// still reports it (decisions/, "stale lanes").
import type { LaneOutcome } from './collect.ts';
import type { Cell, InformationalColumn } from './matrix-data.ts';
import type { InformationalRow, SummaryRow } from './summary.ts';

const hasResult = (row: { state: string } | undefined) => row !== undefined && (row.state === 'ran' || row.state === 'stale');

/** The words a stale column carries: why this run could not use it, and where its figures come from. */
export function staleNote(reason: string, keptVersion: string | null): string {
  return `stale: ${reason}; showing the last good result (${keptVersion ?? 'version unknown'}) from conformance/matrix/summary.json`;
}

/** The first note of a lane that could not run, without any "stale: ... showing" wrapping. */
const reasonOf = (notes: readonly string[]) => notes[0] ?? 'could not run';

const keptCell = (status: Cell['status']): Cell => ({ status, levels: [], byLevel: {}, passed: [], others: [] });

/**
 * The outcome to show for a lane: as it is when it ran (or was skipped: a lane not in the tree
 * has no result to keep), else its committed result, stale, when there is one.
 */
export function keepLastGood(outcome: LaneOutcome, committed: SummaryRow | undefined): LaneOutcome {
  if (outcome.column.state !== 'error' || !committed || !hasResult(committed)) return outcome;
  const cells: Record<string, Cell> = {};
  for (const rule of committed.passing ?? []) cells[rule] = keptCell('pass');
  for (const rule of committed.expected) cells[rule] = keptCell('expected');
  for (const rule of committed.unexpected) cells[rule] = keptCell('fail');
  const count = (c: { passed: number; total: number }) => ({ passed: c.passed, total: c.total, expected: 0, failed: 0 });
  return {
    column: {
      ...outcome.column,
      state: 'stale',
      version: committed.version,
      notes: [staleNote(reasonOf(outcome.column.notes), committed.version), ...outcome.column.notes.slice(1)],
    },
    cells,
    kept: {
      counts: { must: count(committed.must), should: count(committed.should) },
      expected: [...committed.expected],
      unexpected: [...committed.unexpected],
      passing: [...(committed.passing ?? [])],
    },
  };
}

/** The same for an informational lane: its committed observations and finding, stale. */
export function keepLastGoodInformation(column: InformationalColumn, committed: InformationalRow | undefined): InformationalColumn {
  if (column.state !== 'error' || !committed || !hasResult(committed)) return column;
  return {
    ...column,
    state: 'stale',
    version: committed.version,
    notes: [staleNote(reasonOf(column.notes), committed.version), ...column.notes.slice(1)],
    observations: committed.observations,
    ...(committed.finding ? { finding: committed.finding } : {}),
  };
}
