import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVenv, repoRoot, VenvError } from '../../adapters/toolchains/python-venv.mjs';
import { LaneError, type StartedServer } from './cognito-local.ts';
import { loopbackLaneEnvironment, startLaneProcess } from './lane-process.ts';

/**
 * The MiniStack release conformance/expectations/ministack.json describes. Another release may
 * behave differently, so the lane refuses it rather than report deviations that are not its own.
 * @internal
 */
export const MINISTACK_VERSION = '1.5.33';

/** `ministack==1.5.33`, cryptography and every package they pull in, pinned by hash. */
export const MINISTACK_REQUIREMENTS = join(repoRoot, 'conformance', 'server', 'lanes', 'ministack', 'requirements.txt');
const SERVE_SCRIPT = fileURLToPath(new URL('./ministack/serve.py', import.meta.url));
/** The line ../loopback_guard.py writes on stderr when it refused a call off the machine. */
const REFUSAL_MARK = 'ministack-lane: refused ';

/** @internal */
export interface StartedMiniStack extends StartedServer {
  /** The server's process id, which leads its own process group. */
  pid: number;
  /** The folder MiniStack runs in (its HOME, TMPDIR, STATE_DIR and working directory), deleted by close(). */
  stateDirectory: string;
}

/** @internal */
export interface StartMiniStackOptions {
  /** How long start-up may take. Default 30 000 ms (it imports hypercorn and its gateway eagerly, its services on first use). */
  startTimeoutMs?: number;
  /** The interpreter to run serve.py with; default the venv built from MINISTACK_REQUIREMENTS. For tests of the lane itself. */
  python?: string;
}

/**
 * No AWS_* or proxy variable of the caller reaches MiniStack, HOME is the run's own folder, and
 * everything that could make a call or keep state is pointed at that folder or at loopback: its
 * persisted state and signing key (STATE_DIR, S3_DATA_DIR, off anyway without PERSIST_STATE),
 * botocore's endpoints and the instance metadata service, HTTP(S) proxies, and the Docker daemon
 * (a Unix socket that does not exist, so MiniStack never loads its Docker client). The IoT MQTT
 * and SFTP listeners, which would bind ports of their own on every interface, are off.
 * ../loopback_guard.py refuses anything these miss.
 */
function miniStackEnvironment(home: string): NodeJS.ProcessEnv {
  return {
    ...loopbackLaneEnvironment('ministack', home),
    LOG_LEVEL: 'WARNING',
    STATE_DIR: join(home, 'state'),
    S3_DATA_DIR: join(home, 's3'),
    PERSIST_STATE: '0',
    IOT_MTLS_ENABLED: '0',
    SFTP_ENABLED: '0',
    COGNITO_EMAIL_ENABLED: 'false',
    MINISTACK_REGION: 'us-east-1',
    DOCKER_HOST: `unix://${join(home, 'no-docker.sock')}`,
  };
}

interface ReadyLine {
  ready?: boolean;
  port?: number;
  ministack?: string;
  error?: string;
}

/**
 * The interpreter of the venv that holds the pinned MiniStack, built on first use (CI warms it).
 * @internal
 */
export function miniStackPython(): string {
  try {
    return ensureVenv(MINISTACK_REQUIREMENTS, { venvDir: join(repoRoot, '.venv', 'ministack') }).python;
  } catch (error) {
    if (error instanceof VenvError) throw new LaneError(`the ministack lane needs its venv: ${error.message}`);
    throw error;
  }
}

/**
 * Starts the pinned MiniStack on 127.0.0.1 with a port the system picks, in a new process
 * (MiniStack keeps its state in memory unless PERSIST_STATE is on, so every run starts from
 * nothing) whose working directory, HOME and state folder are a folder of its own, deleted on close.
 * @internal
 */
export async function startMiniStack(options: StartMiniStackOptions = {}): Promise<StartedMiniStack> {
  const python = options.python ?? miniStackPython();
  const home = await mkdtemp(join(tmpdir(), 'revoketoken-ministack-'));
  const started = await startLaneProcess<ReadyLine>({
    label: 'MiniStack',
    command: python,
    args: ['-I', '-B', SERVE_SCRIPT, MINISTACK_VERSION],
    env: miniStackEnvironment(home),
    home,
    refusalMark: REFUSAL_MARK,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    readyFrom(line) {
      let ready: ReadyLine;
      try {
        ready = JSON.parse(line) as ReadyLine;
      } catch {
        throw new LaneError(`MiniStack's launcher printed something other than its ready line: ${line.slice(0, 200)}`);
      }
      if (ready.error === 'version') {
        throw new LaneError(
          `ministack ${ready.ministack} is installed, but conformance/expectations/ministack.json describes ${MINISTACK_VERSION}: pin ministack==${MINISTACK_VERSION} in conformance/server/lanes/ministack/requirements.txt, or re-record the expectations`,
        );
      }
      if (ready.ready !== true || !Number.isInteger(ready.port) || ready.ministack !== MINISTACK_VERSION) {
        throw new LaneError(`MiniStack's launcher sent an unexpected ready line: ${JSON.stringify(ready)}`);
      }
      return ready;
    },
  });
  return {
    url: `http://127.0.0.1:${started.ready.port}`,
    name: `MiniStack ${MINISTACK_VERSION}`,
    pid: started.pid,
    stateDirectory: home,
    close: started.close,
  };
}
