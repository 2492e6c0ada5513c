// The shape of results.json: everything the page shows, and what the summary is built from.
import type { CoverageFigures } from '../official-cases/coverage.ts';
import type { Observation } from '../resource-server/observation.ts';
import type { Level, RuleGroup, Side } from './rules.ts';
import type { UpstreamLink } from './upstream-links.ts';

/** What a reader sees in a cell: the worst of its cases, informational rules apart. */
export type CellStatus = 'pass' | 'fail' | 'should' | 'expected' | 'na' | 'info';

export interface CellCase {
  id: string;
  level: Level;
  /** fail: a must-level failure nobody listed; should: a should-level one; expected: listed in the expectations file; info-*: an unverified behaviour, never counted. */
  status: 'fail' | 'should' | 'expected' | 'na' | 'info-agrees' | 'info-differs';
  expected?: string;
  actual?: string;
  /** The expectation's reason and source (expected), why it did not apply (na), or why a listed failure is stale. */
  reason?: string;
  source?: string;
  /** Issues and pull requests the source names (upstream-links.ts): the cell links to them. */
  upstream?: UpstreamLink[];
  replay?: string;
}

export interface Cell {
  status: CellStatus;
  /** Levels at which the lane was judged on the rule. */
  levels: Level[];
  /** Per level: pass, fail (unlisted failure, must or should) or expected (every failure listed). */
  byLevel: Partial<Record<Level, 'pass' | 'fail' | 'expected'>>;
  /** Cases that passed the rule (ids only). */
  passed: string[];
  /** Cases that did not pass, with what they saw and how to replay them. */
  others: CellCase[];
}

export interface LevelCount {
  passed: number;
  expected: number;
  failed: number;
  total: number;
}

export interface LaneColumn {
  name: string;
  kind: Side;
  version: string | null;
  /** stale: the lane could not run, and the column shows its last good result (stale.ts). */
  state: LaneState;
  /** Why a lane was skipped, could not run or is stale, or what was odd about its run. */
  notes: string[];
  /** The name the report gives the implementation. */
  implementation?: string;
  exitCode?: number | null;
  durationMs?: number;
  command?: string;
  counts: Record<Level, LevelCount>;
  /** Rules where the lane does not pass at some level, split by whether the expectations file lists it. */
  unexpected: string[];
  expected: string[];
  /** Counted rules the lane passes at every level it was judged at. */
  passing: string[];
}

export type LaneState = 'ran' | 'skipped' | 'error' | 'stale';

/** An informational lane's result (informational-lanes.ts): observations, never counted. */
export interface InformationalColumn {
  name: string;
  title: string;
  version: string | null;
  state: LaneState;
  notes: string[];
  observations: Observation[];
  /** What the observations come to, in one sentence (tools/resource-server/finding.ts). */
  finding?: string;
  sources: UpstreamLink[];
  durationMs?: number;
}

export interface MatrixData {
  format: 1;
  seed: number;
  groups: (RuleGroup & { rules: (RuleGroup['rules'][number] & { seenLevels: Level[] })[] })[];
  lanes: LaneColumn[];
  /** cells[lane][rule]; a missing cell is not applicable. */
  cells: Record<string, Record<string, Cell>>;
  /** The informational lanes, apart from the client and server columns. */
  informational?: InformationalColumn[];
  /** How many of the official Smithy awsJson1_1 cases the fixtures carry (tools/official-cases/). */
  officialCases?: OfficialCaseFigures;
}

/** The official-case coverage, as tools/official-cases/coverage.ts counts it. */
export type OfficialCaseFigures = CoverageFigures;

/** `21 of 24 applicable official cases carried exactly, 3 adapted (88 of 112 do not apply)`. */
export function describeOfficialCases(figures: OfficialCaseFigures): string {
  return `${figures.mapped} of ${figures.applicable} applicable official Smithy awsJson1_1 cases carried exactly by a fixture, ${figures.adapted} adapted with a recorded reason, ${figures.uncovered} uncovered (${figures.excluded} of ${figures.total} do not apply to RevokeToken)`;
}
