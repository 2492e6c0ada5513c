import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../conformance/run/result.ts';
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
 * time bound: on timeout the whole process group (the CLI and any client or server it
 * started) is killed.
 */
export async function runLane(lane: Lane, options: RunLaneOptions): Promise<LaneRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'revoketoken-matrix-'));
  const reportPath = join(scratch, `${lane.name}.json`);
  const args = [
    '--import',
    'tsx',
    options.cli ?? 'conformance/cli/main.ts',
    ...laneArguments(lane, { seed: options.seed, reportPath, expectations: options.expectations }),
  ];
  const started = Date.now();
  try {
    // A lane writes its own JSON report; under GitHub Actions it must not add annotations and a job summary per lane.
    const { GITHUB_ACTIONS: _actions, GITHUB_STEP_SUMMARY: _summary, ...env } = process.env;
    // A lane whose cold build is not cached (fakecloud's takes hours on 2 cores) fails in moments
    // with that reason, instead of building inside the lane's time limit.
    const laneEnv = { ...env, REVOKETOKEN_COLD_BUILDS: 'never' };
    const child = spawn(process.execPath, args, { cwd: options.repoRoot, env: laneEnv, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    // The child has its own process group (so a timeout can end all of it), which also means a
    // Ctrl-C at the terminal does not reach it: pass the interruption on.
    const interrupted = (signal: NodeJS.Signals) => {
      killGroup();
      process.kill(process.pid, signal);
    };
    process.once('exit', killGroup);
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    }).finally(() => {
      clearTimeout(timer);
      process.off('exit', killGroup);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    });
    const report = !timedOut && existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as LaneReport) : undefined;
    return { exitCode, timedOut, durationMs: Date.now() - started, ...(report ? { report } : {}), stderrTail: stderr.trim().split('\n').slice(-8).join('\n') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
