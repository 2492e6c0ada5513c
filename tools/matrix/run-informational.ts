import { findingOf } from '../resource-server/finding.ts';
import type { ResourceServerReport } from '../resource-server/observation.ts';
import { runBoundedChild } from './bounded-child.ts';
import type { InformationalLane } from './informational-lanes.ts';
import type { InformationalColumn } from './matrix-data.ts';
import { resolveVersion } from './versions.ts';

export interface RunInformationalOptions {
  repoRoot: string;
  timeoutMs: number;
  /** The script to run instead of the lane's (tests put a stand-in here). */
  script?: string;
}

/**
 * Runs an informational lane's script within the time bound and turns its report into a
 * column. What it observes is never a failure; only a lane that could not run (no report,
 * exit other than 0, a report that is not one) is an error, which the caller may make stale.
 */
export async function runInformational(lane: InformationalLane, options: RunInformationalOptions): Promise<InformationalColumn> {
  const base = { name: lane.name, title: lane.title, version: resolveVersion(lane.version, options.repoRoot) ?? null, sources: [...lane.sources] };
  const run = await runBoundedChild({
    repoRoot: options.repoRoot,
    name: lane.name,
    script: options.script ?? lane.script,
    args: (reportPath) => ['--report', reportPath],
    timeoutMs: options.timeoutMs,
  });
  const couldNotRun = (why: string): InformationalColumn => ({
    ...base,
    state: 'error',
    notes: [why, ...(run.stderrTail ? [run.stderrTail] : [])],
    observations: [],
    durationMs: run.durationMs,
  });
  if (run.timedOut) return couldNotRun(`could not run: no result within ${options.timeoutMs / 1000} s`);
  if (run.exitCode !== 0 || run.reportText === undefined) return couldNotRun(`could not run (exit ${run.exitCode ?? 'by a signal'})`);
  let report: ResourceServerReport;
  try {
    report = JSON.parse(run.reportText) as ResourceServerReport;
  } catch {
    return couldNotRun('could not run: its report is not JSON');
  }
  if (report.format !== 1 || !Array.isArray(report.observations)) return couldNotRun('could not run: its report is not a format 1 report');
  const finding = findingOf(report.observations);
  if (!finding.meaningful) return couldNotRun(`could not run: ${finding.reason}`);
  return { ...base, state: 'ran', notes: [], observations: report.observations, finding: finding.sentence, durationMs: run.durationMs };
}
