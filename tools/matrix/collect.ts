// Turns each lane's JSON report into one cell per rule, and the cells into the per-lane counts.
import type { Expectation } from '../../conformance/run/expectations.ts';
import type { Cell, CellCase, LaneColumn, LevelCount, MatrixData } from './matrix-data.ts';
import type { Level, RuleGroup, Side } from './rules.ts';
import type { LaneReport, ReportResult, ReportVerdict } from './run-lane.ts';
import { upstreamLinks } from './upstream-links.ts';

interface Draft {
  passed: Set<string>;
  others: CellCase[];
  levels: Set<Level>;
  byLevel: Partial<Record<Level, 'pass' | 'fail' | 'expected'>>;
}

const SEVERITY = { pass: 0, expected: 1, fail: 2 } as const;

function draftFor(drafts: Map<string, Draft>, rule: string): Draft {
  let draft = drafts.get(rule);
  if (!draft) {
    draft = { passed: new Set(), others: [], levels: new Set(), byLevel: {} };
    drafts.set(rule, draft);
  }
  return draft;
}

function record(draft: Draft, level: Level, outcome: 'pass' | 'fail' | 'expected'): void {
  draft.levels.add(level);
  const before = draft.byLevel[level];
  if (before === undefined || SEVERITY[outcome] > SEVERITY[before]) draft.byLevel[level] = outcome;
}

type Listed = { reason: string; source: string };

/**
 * Whether the run counted a failed verdict as known, and the expectation saying why. The
 * CLI's own classification decides (a server property borrows the expectations of other
 * cases by rule); the reason comes from the expectations it names, else from the file.
 */
function listing(result: ReportResult, verdict: ReportVerdict, expectations: readonly Expectation[]): Listed | undefined {
  const classified = result.classified;
  const sameVerdict = (other: ReportVerdict) => other.check === verdict.check && other.level === verdict.level && other.actual === verdict.actual;
  if (classified.kind === 'fail' && (classified.failures ?? []).some(sameVerdict)) return undefined;
  if (classified.kind === 'pass' || classified.kind === 'not-applicable') return undefined;
  const covers = (e: { case: string; check?: string }) => e.case === result.id && (e.check === undefined || e.check === verdict.check);
  // An unexpected pass names the expectations that did not happen, not the ones that did.
  const named =
    classified.kind === 'unexpected-pass' ? undefined : (classified.expectations ?? []).find((e) => e.check === undefined || e.check === verdict.check);
  return named ?? expectations.find(covers) ?? { reason: 'counted as known by the run', source: "the lane's expectations file" };
}

/** The upstream issues and pull requests a source names, when it names any (the page links them). */
const linksOf = (source: string) => {
  const upstream = upstreamLinks(source);
  return upstream.length ? { upstream } : {};
};

function judgeVerdict(draft: Draft, result: ReportResult, verdict: ReportVerdict, expectations: readonly Expectation[]): void {
  if (verdict.status === 'pass') {
    draft.passed.add(result.id);
    record(draft, verdict.level, 'pass');
    return;
  }
  const listed = listing(result, verdict, expectations);
  const seen = { expected: verdict.expected, actual: verdict.actual, replay: result.replay };
  if (listed) {
    draft.others.push({
      id: result.id,
      level: verdict.level,
      status: 'expected',
      ...seen,
      reason: listed.reason,
      source: listed.source,
      ...linksOf(listed.source),
    });
    record(draft, verdict.level, 'expected');
  } else {
    draft.others.push({ id: result.id, level: verdict.level, status: verdict.level === 'must' ? 'fail' : 'should', ...seen });
    record(draft, verdict.level, 'fail');
  }
}

export interface CellOptions {
  expectations: readonly Expectation[];
  /** The rules a passing (or not applicable) property stands for: it reports no verdicts then. */
  rulesOfProperty: (id: string) => string[];
}

/** One cell per rule the lane's report says anything about. */
export function cellsOfReport(report: LaneReport, options: CellOptions): Record<string, Cell> {
  const drafts = new Map<string, Draft>();
  for (const result of report.results) {
    const classified = result.classified;
    if (classified.kind === 'not-applicable') {
      for (const rule of result.kind === 'property' ? options.rulesOfProperty(result.id) : []) {
        draftFor(drafts, rule).others.push({ id: result.id, level: result.level, status: 'na', reason: classified.reason ?? 'not applicable' });
      }
      continue;
    }
    if (result.kind === 'property' && result.verdicts.length === 0 && classified.kind === 'pass') {
      for (const rule of options.rulesOfProperty(result.id)) {
        const draft = draftFor(drafts, rule);
        draft.passed.add(result.id);
        record(draft, result.level, 'pass');
      }
    }
    for (const verdict of result.verdicts) judgeVerdict(draftFor(drafts, verdict.check), result, verdict, options.expectations);
    for (const verdict of result.informational ?? []) {
      draftFor(drafts, verdict.check).others.push({
        id: result.id,
        level: verdict.level,
        status: verdict.status === 'pass' ? 'info-agrees' : 'info-differs',
        expected: verdict.expected,
        actual: verdict.actual,
        replay: result.replay,
      });
    }
    if (classified.kind === 'unexpected-pass') {
      for (const stale of classified.expectations ?? []) {
        const rule = stale.check;
        if (rule === undefined) continue;
        const draft = draftFor(drafts, rule);
        draft.others.push({
          id: result.id,
          level: result.level,
          status: result.level === 'must' ? 'fail' : 'should',
          reason: `listed as a known failure ("${stale.reason}") but it passed: the expectation is stale`,
          source: stale.source,
          ...linksOf(stale.source),
          replay: result.replay,
        });
        record(draft, result.level, 'fail');
      }
    }
  }
  const cells: Record<string, Cell> = {};
  for (const [rule, draft] of drafts) {
    const statuses = new Set(draft.others.map((c) => c.status));
    const status: Cell['status'] = statuses.has('fail')
      ? 'fail'
      : statuses.has('should')
        ? 'should'
        : statuses.has('expected')
          ? 'expected'
          : draft.passed.size > 0
            ? 'pass'
            : statuses.has('info-agrees') || statuses.has('info-differs')
              ? 'info'
              : 'na';
    cells[rule] = { status, levels: [...draft.levels].sort(), byLevel: draft.byLevel, passed: [...draft.passed].sort(), others: draft.others };
  }
  return cells;
}

/** Rules counted per level: a rule passes a level when every verdict at that level passed. */
export function countLevels(
  cells: Record<string, Cell>,
  countedRules: ReadonlySet<string>,
): { counts: Record<Level, LevelCount>; unexpected: string[]; expected: string[]; passing: string[] } {
  const counts: Record<Level, LevelCount> = { must: { passed: 0, expected: 0, failed: 0, total: 0 }, should: { passed: 0, expected: 0, failed: 0, total: 0 } };
  const unexpected = new Set<string>();
  const expected = new Set<string>();
  const judged = new Set<string>();
  for (const [rule, cell] of Object.entries(cells)) {
    if (!countedRules.has(rule)) continue;
    if (cell.byLevel.must !== undefined || cell.byLevel.should !== undefined) judged.add(rule);
    for (const level of ['must', 'should'] as const) {
      const outcome = cell.byLevel[level];
      if (outcome === undefined) continue;
      counts[level].total += 1;
      if (outcome === 'pass') counts[level].passed += 1;
      else if (outcome === 'expected') {
        counts[level].expected += 1;
        expected.add(rule);
      } else {
        counts[level].failed += 1;
        unexpected.add(rule);
      }
    }
  }
  const byNumber = (ids: Iterable<string>) => [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  // A rule with an unlisted failure at one level and a listed one at another counts as unlisted.
  return {
    counts,
    unexpected: byNumber(unexpected),
    expected: byNumber([...expected].filter((id) => !unexpected.has(id))),
    passing: byNumber([...judged].filter((id) => !unexpected.has(id) && !expected.has(id))),
  };
}

export interface LaneOutcome {
  column: Omit<LaneColumn, 'counts' | 'unexpected' | 'expected' | 'passing'>;
  cells: Record<string, Cell>;
  /** A stale lane's last good figures (stale.ts), used instead of counting its cells. */
  kept?: Pick<LaneColumn, 'counts' | 'unexpected' | 'expected' | 'passing'>;
}

/** The whole matrix: rule groups with the levels seen, one column per lane, the cells. */
export function buildMatrix(groups: readonly RuleGroup[], lanes: readonly LaneOutcome[], seed: number): MatrixData {
  const countedBySide = (side: Side) => new Set(groups.filter((g) => g.side === side && !g.informational).flatMap((g) => g.rules.map((r) => r.id)));
  const counted = { client: countedBySide('client'), server: countedBySide('server') };
  const cells: MatrixData['cells'] = {};
  const columns: LaneColumn[] = lanes.map(({ column, cells: laneCells, kept }) => {
    cells[column.name] = laneCells;
    return { ...column, ...(kept ?? countLevels(laneCells, counted[column.kind])) };
  });
  const seenLevels = (side: Side, rule: string): Level[] => {
    const levels = new Set<Level>();
    for (const column of columns) if (column.kind === side) for (const level of cells[column.name]?.[rule]?.levels ?? []) levels.add(level);
    return [...levels].sort();
  };
  return {
    format: 1,
    seed,
    groups: groups.map((group) => ({ ...group, rules: group.rules.map((rule) => ({ ...rule, seenLevels: seenLevels(group.side, rule.id) })) })),
    lanes: columns,
    cells,
  };
}
