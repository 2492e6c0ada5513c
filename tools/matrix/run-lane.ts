import type { Summary } from '../../conformance/run/result.ts';
import { runBoundedChild } from './bounded-child.ts';
import type { Lane } from './lanes.ts';

/** The JSON report of one lane (conformance/report/json.ts), as far as the matrix reads it. */
export interface LaneReport {
  version: number;
  summary: Pick<Summary, 'implementation' | 'total' | 'passed' | 'failed' | 'expectedFailures' | 'unexpectedPasses' | 'notApplicable' | 'seed' | 'durationMs'>;
  results: ReportResult[];
}

export interface ReportVerdict {
  check: string;
  title: string;
  level: 'must' | 'should';
  status: 'pass' | 'fail';
  expected?: string;
  actual?: string;
}

export interface ReportResult {
  id: string;
  kind: 'fixture' | 'property';
  level: 'must' | 'should';
  classified: {
    kind: 'pass' | 'fail' | 'expected-fail' | 'unexpected-pass' | 'not-applicable';
    reason?: string;
    failures?: ReportVerdict[];
    expectations?: { case: string; check?: string; reason: string; source: string }[];
  };
  verdicts: ReportVerdict[];
  informational?: ReportVerdict[];
  replay: string;
}

export interface LaneRun {
  /** The CLI's exit code: 0 every counted rule passed, 1 a rule failed or an expectation is stale, 2 it could not run; null when killed. */
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  report?: LaneReport;
  /** The end of the child's stderr, for a lane that could not run. The CLI redacts sensitive values. */
  stderrTail: string;
}

export interface RunLaneOptions {
  repoRoot: string;
  seed: number;
  timeoutMs: number;
  /** The lane's expectations file, relative to repoRoot, when it has one. */
  expectations?: string;
  /** The CLI to run, relative to repoRoot (tests put a stand-in here). */
  cli?: string;
}

/** The command line the matrix runs for a lane, after `npm run conformance --`. */
export function laneArguments(lane: Lane, options: { seed: number; reportPath: string; expectations?: string }): string[] {
  return [
    ...lane.args,
    '--strict',
    '--seed',
    String(options.seed),
    ...(options.expectations ? ['--expectations', options.expectations] : []),
    '--reporter',
    `json=${options.reportPath}`,
  ];
}

/**
 * Runs one lane through the conformance CLI in a child process (as a user would), within a
 * time bound (bounded-child.ts).
 */
export async function runLane(lane: Lane, options: RunLaneOptions): Promise<LaneRun> {
  const run = await runBoundedChild({
    repoRoot: options.repoRoot,
    name: lane.name,
    script: options.cli ?? 'conformance/cli/main.ts',
    args: (reportPath) => laneArguments(lane, { seed: options.seed, reportPath, expectations: options.expectations }),
    timeoutMs: options.timeoutMs,
  });
  const { reportText, ...rest } = run;
  return { ...rest, ...(reportText === undefined ? {} : { report: JSON.parse(reportText) as LaneReport }) };
}
