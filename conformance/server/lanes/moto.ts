import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVenv, repoRoot, VenvError } from '../../adapters/toolchains/python-venv.mjs';
import { LaneError, type StartedServer } from './cognito-local.ts';
import { loopbackLaneEnvironment } from './lane-process.ts';

/**
 * The moto release conformance/expectations/moto.json describes. Another release may behave
 * differently, so the lane refuses it rather than report deviations that are not its own.
 * @internal
 */
export const MOTO_VERSION = '5.2.5';

/** `moto[server]==5.2.5` and every package it pulls in, pinned by hash. */
export const MOTO_REQUIREMENTS = join(repoRoot, 'conformance', 'server', 'lanes', 'moto', 'requirements.txt');
const SERVE_SCRIPT = fileURLToPath(new URL('./moto/serve.py', import.meta.url));
/** The line serve.py writes on stderr when it refused a call off the machine. */
const REFUSAL_MARK = 'moto-lane: refused ';

/** @internal */
export interface StartedMoto extends StartedServer {
  /** The server's process id, which leads its own process group. */
  pid: number;
  /** The folder moto runs in (its HOME and working directory), deleted by close(). */
  stateDirectory: string;
}

/** @internal */
export interface StartMotoOptions {
  /** How long start-up may take. Default 30 000 ms (moto imports botocore's models lazily, but Flask and werkzeug eagerly). */
  startTimeoutMs?: number;
  /** The interpreter to run serve.py with; default the venv built from MOTO_REQUIREMENTS. For tests of the lane itself. */
  python?: string;
}

/**
 * No AWS_* or proxy variable of the caller reaches moto, HOME is the run's own folder (no
 * ~/.aws, no ~/.docker), and everything that could make a call is pointed at loopback:
 * botocore's endpoints and the instance metadata service, HTTP(S) proxies, the Docker daemon.
 * serve.py's audit hook refuses anything these miss.
 */
function motoEnvironment(home: string): NodeJS.ProcessEnv {
  return {
    ...loopbackLaneEnvironment('moto', home),
    AWS_XRAY_SDK_ENABLED: 'false',
    DOCKER_HOST: 'tcp://127.0.0.1:9',
    MOTO_DOCKER_NETWORK_MODE: 'none',
    MOTO_CALL_RESET_API: 'false',
    MOTO_EC2_LOAD_DEFAULT_AMIS: 'false',
    MOTO_IAM_LOAD_MANAGED_POLICIES: 'false',
    MOTO_EVENTS_INVOKE_HTTP: 'false',
  };
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

interface ReadyLine {
  ready?: boolean;
  port?: number;
  moto?: string;
  error?: string;
}

/**
 * The interpreter of the venv that holds the pinned moto, built on first use (CI warms it).
 * @internal
 */
export function motoPython(): string {
  try {
    return ensureVenv(MOTO_REQUIREMENTS, { venvDir: join(repoRoot, '.venv', 'moto') }).python;
  } catch (error) {
    if (error instanceof VenvError) throw new LaneError(`the moto lane needs its venv: ${error.message}`);
    throw error;
  }
}

/**
 * Starts the pinned moto's server mode on 127.0.0.1 with a port the system picks, in a new
 * process (moto keeps its state in memory, so every run starts from nothing) whose working
 * directory and HOME are a folder of its own, deleted on close. Its request log is read only
 * for refusals and the last lines shown when it dies, then discarded.
 * @internal
 */
export async function startMoto(options: StartMotoOptions = {}): Promise<StartedMoto> {
  const python = options.python ?? motoPython();
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const home = await mkdtemp(join(tmpdir(), 'revoketoken-moto-'));
  const child = spawn(python, ['-I', '-B', SERVE_SCRIPT, MOTO_VERSION], {
    cwd: home,
    env: motoEnvironment(home),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stderrTail: string[] = [];
  const refused: string[] = [];
  let partialLine = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    // A pipe may cut a line anywhere; only whole lines are looked at.
    const lines = (partialLine + chunk).split('\n');
    partialLine = (lines.pop() ?? '').slice(-4096);
    for (const line of lines.filter(Boolean)) {
      if (line.startsWith(REFUSAL_MARK)) refused.push(line.slice(REFUSAL_MARK.length));
      stderrTail.push(line);
    }
    stderrTail.splice(0, Math.max(0, stderrTail.length - 10));
  });

  // The refusals moto wrote just before it was stopped are still in the pipe when it exits:
  // close() reads stderr to its end before it judges them.
  const stderrEnded = new Promise<void>((resolve) => child.stderr.once('close', () => resolve()));

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    process.off('exit', killOnExit);
    // No pid: the interpreter never started, so there is nothing to stop or wait for.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      signalGroup(child, 'SIGTERM');
      const grace = setTimeout(() => signalGroup(child, 'SIGKILL'), 3000);
      await stopped(child);
      clearTimeout(grace);
    }
    // Bounded: a process that left moto's group could hold the pipe open.
    let drainBound: NodeJS.Timeout | undefined;
    await Promise.race([stderrEnded, new Promise<void>((resolve) => (drainBound = setTimeout(resolve, 2000)))]);
    clearTimeout(drainBound);
    await rm(home, { recursive: true, force: true });
    if (refused.length > 0) {
      throw new LaneError(`moto tried to reach beyond loopback, and the lane refused it: ${[...new Set(refused)].join('; ')}`);
    }
  };

  try {
    const ready = await new Promise<ReadyLine>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(
        () => reject(new LaneError(`moto did not start within ${timeoutMs} ms: ${stderrTail.slice(-3).join(' | ') || 'no output'}`)),
        timeoutMs,
      );
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk;
        const newline = buffered.indexOf('\n');
        if (newline < 0) return;
        clearTimeout(timer);
        try {
          resolve(JSON.parse(buffered.slice(0, newline)) as ReadyLine);
        } catch {
          reject(new LaneError(`moto's launcher printed something other than its ready line: ${buffered.slice(0, Math.min(newline, 200))}`));
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new LaneError(`could not start ${python} for the moto lane: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new LaneError(`moto exited during start-up (${signal ?? `code ${code}`}): ${stderrTail.slice(-3).join(' | ') || 'no output'}`));
      });
    });
    if (ready.error === 'version') {
      throw new LaneError(
        `moto ${ready.moto} is installed, but conformance/expectations/moto.json describes ${MOTO_VERSION}: pin moto[server]==${MOTO_VERSION} in conformance/server/lanes/moto/requirements.txt, or re-record the expectations`,
      );
    }
    if (ready.ready !== true || !Number.isInteger(ready.port) || ready.moto !== MOTO_VERSION) {
      throw new LaneError(`moto's launcher sent an unexpected ready line: ${JSON.stringify(ready)}`);
    }
    child.stdout.resume(); // nothing more is expected there; keep the pipe drained
    return { url: `http://127.0.0.1:${ready.port}`, name: `moto ${MOTO_VERSION}`, pid: child.pid!, stateDirectory: home, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
