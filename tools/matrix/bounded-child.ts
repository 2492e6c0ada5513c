import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BoundedChildOptions {
  repoRoot: string;
  /** For the scratch folder's name. */
  name: string;
  /** A TypeScript entry point, relative to repoRoot, run with tsx. */
  script: string;
  /** Its arguments, given the path it should write its JSON report to. */
  args: (reportPath: string) => string[];
  timeoutMs: number;
}

export interface BoundedChildRun {
  /** The child's exit code; null when it was killed. */
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** The report the child wrote, when it wrote one and was not killed. */
  reportText?: string;
  /** The end of the child's stderr, for a lane that could not run. */
  stderrTail: string;
}

/**
 * Runs a lane's script in a child process with its own process group, within a time bound:
 * on timeout the whole group (the script and any client or server it started) is killed.
 */
export async function runBoundedChild(options: BoundedChildOptions): Promise<BoundedChildRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'revoketoken-matrix-'));
  const reportPath = join(scratch, `${options.name}.json`);
  const args = ['--import', 'tsx', options.script, ...options.args(reportPath)];
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
    const reportText = !timedOut && existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined;
    return {
      exitCode,
      timedOut,
      durationMs: Date.now() - started,
      ...(reportText === undefined ? {} : { reportText }),
      stderrTail: stderr.trim().split('\n').slice(-8).join('\n'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
