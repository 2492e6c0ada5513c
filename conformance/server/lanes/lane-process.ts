import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LaneError } from './cognito-local.ts';

/** Nothing listens on the discard port of loopback, so whatever is pointed there fails at once, locally. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * The environment every Python emulator lane starts from: none of the caller's AWS_* or proxy
 * variables, HOME and TMPDIR the run's own folder (no ~/.aws, no ~/.docker), fake credentials
 * of the lane's name, and botocore's endpoints, the instance metadata service and every HTTP(S)
 * proxy pointed at loopback's discard port. Each lane adds its emulator's own settings; the
 * lanes' audit hook (loopback_guard.py) refuses anything these miss.
 * @internal
 */
export function loopbackLaneEnvironment(lane: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: `${lane}-lane`,
    AWS_SECRET_ACCESS_KEY: `${lane}-lane`,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
    AWS_ENDPOINT_URL: NOWHERE,
    AWS_EC2_METADATA_DISABLED: 'true',
    HTTP_PROXY: NOWHERE,
    HTTPS_PROXY: NOWHERE,
    ALL_PROXY: NOWHERE,
    http_proxy: NOWHERE,
    https_proxy: NOWHERE,
    NO_PROXY: '',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

/** @internal */
export interface LaneProcessSpec<Ready> {
  /** How messages name the emulator, e.g. `MiniStack`. */
  label: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** The run's own folder: the working directory, deleted on close. */
  home: string;
  /** The prefix of the lines on stderr that report a call the lane's guard refused. */
  refusalMark: string;
  startTimeoutMs: number;
  /**
   * Looks at one whole line of stdout before the server is ready: the ready value once the
   * line says so, undefined to read on, or a LaneError for a line that must not be there.
   */
  readyFrom(line: string): Ready | undefined;
}

/** @internal */
export interface LaneProcess<Ready> {
  ready: Ready;
  /** The server's process id, which leads its own process group. */
  pid: number;
  /** Stops the process group, deletes the run's folder, and fails if the guard refused a call. */
  close(): Promise<void>;
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Signals the process group the child leads (it was spawned detached), so nothing it started outlives it. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal); // the group is already gone, or this platform has none
  }
}

/** Splits a stream into whole lines (a pipe may cut a line anywhere), keeping at most 4 KiB of an unfinished one. */
function onLines(stream: NodeJS.ReadableStream, each: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = (lines.pop() ?? '').slice(-4096);
    for (const line of lines) if (line !== '') each(line);
  });
}

/**
 * Starts an emulator for a server lane in a process group of its own and waits for the line
 * that says it is ready, as the moto lane does (moto.ts): its stderr is read only for the
 * guard's refusals and the last lines shown when it dies, then discarded, since an emulator's
 * log may quote request bodies. A start that fails or takes longer than the bound stops what
 * was started and deletes the run's folder before the error is thrown.
 * @internal
 */
export async function startLaneProcess<Ready>(spec: LaneProcessSpec<Ready>): Promise<LaneProcess<Ready>> {
  const child = spawn(spec.command, [...spec.args], { cwd: spec.home, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stderrTail: string[] = [];
  const refused: string[] = [];
  onLines(child.stderr, (line) => {
    if (line.startsWith(spec.refusalMark)) refused.push(line.slice(spec.refusalMark.length));
    stderrTail.push(line);
    stderrTail.splice(0, Math.max(0, stderrTail.length - 10));
  });
  // The refusals written just before the process was stopped are still in the pipe when it
  // exits: close() reads stderr to its end before it judges them.
  const stderrEnded = new Promise<void>((resolve) => child.stderr.once('close', () => resolve()));
  const lastLines = () => stderrTail.slice(-3).join(' | ') || 'no output';

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    process.off('exit', killOnExit);
    // No pid: the program never started, so there is nothing to stop or wait for.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      signalGroup(child, 'SIGTERM');
      const grace = setTimeout(() => signalGroup(child, 'SIGKILL'), 3000);
      await stopped(child);
      clearTimeout(grace);
    }
    // Bounded: a process that left the group could hold the pipe open.
    let drainBound: NodeJS.Timeout | undefined;
    await Promise.race([stderrEnded, new Promise<void>((resolve) => (drainBound = setTimeout(resolve, 2000)))]);
    clearTimeout(drainBound);
    await rm(spec.home, { recursive: true, force: true });
    if (refused.length > 0) {
      throw new LaneError(`${spec.label} tried to reach beyond loopback, and the lane refused it: ${[...new Set(refused)].join('; ')}`);
    }
  };

  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        action();
      };
      const timer = setTimeout(
        () => settle(() => reject(new LaneError(`${spec.label} did not start within ${spec.startTimeoutMs} ms: ${lastLines()}`))),
        spec.startTimeoutMs,
      );
      onLines(child.stdout, (line) => {
        if (settled) return;
        try {
          const value = spec.readyFrom(line);
          if (value !== undefined) settle(() => resolve(value));
        } catch (error) {
          settle(() => reject(error));
        }
      });
      child.once('error', (error) => settle(() => reject(new LaneError(`could not start ${spec.command} for the ${spec.label} lane: ${error.message}`))));
      child.once('exit', (code, signal) =>
        settle(() => reject(new LaneError(`${spec.label} exited during start-up (${signal ?? `code ${code}`}): ${lastLines()}`))),
      );
    });
    return { ready, pid: child.pid!, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
