import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFakecloud, FakecloudBuildError } from '../../adapters/toolchains/fakecloud-build.mjs';
import { buildLoopbackGuard, GuardBuildError } from '../../adapters/toolchains/loopback-guard-build.mjs';
import { LaneError, type StartedServer } from './cognito-local.ts';
import { startLaneProcess } from './lane-process.ts';

/**
 * The fakecloud release conformance/expectations/fakecloud.json describes (the build script
 * pins the same one, with the checksums of its crate and Cargo.lock).
 * @internal
 */
export const FAKECLOUD_VERSION = '0.51.0';

/** The line loopback-guard.c writes on stderr when it refused a call off the machine. */
const REFUSAL_MARK = 'fakecloud-lane: refused ';
/** The line fakecloud prints on stdout once its socket listens (fakecloud src/runtime.rs announce_bound_port). */
const PORT_LINE = /^FAKECLOUD_PORT=(\d+)$/;
/** Nothing listens on the discard port of loopback, so whatever is pointed there fails at once, locally. */
const NOWHERE = 'http://127.0.0.1:9';

/** @internal */
export interface StartedFakecloud extends StartedServer {
  /** The server's process id, which leads its own process group. */
  pid: number;
  /** The folder fakecloud runs in (its HOME, TMPDIR and working directory), deleted by close(). */
  stateDirectory: string;
}

/** @internal */
export interface StartFakecloudOptions {
  /** How long start-up may take, from spawn to the first answer. Default 30 000 ms. */
  startTimeoutMs?: number;
  /** The program to run; default the pinned build (built first when missing). For tests of the lane itself. */
  binary?: string;
}

/**
 * fakecloud runs with nothing of the caller's environment: HOME is the run's own folder, PATH
 * is an empty folder (so no docker, podman or kubectl is found, and its Lambda, ECS and other
 * container back ends stay off), FAKECLOUD_CONTAINER_CLI names a program that does not exist,
 * proxies, AWS endpoints and the Docker daemon are pointed at loopback's discard port or a
 * socket that does not exist. Its optional listeners (DNS, link-local metadata, SES SMTP) are
 * off by default and no variable here turns them on. loopback-guard.c refuses anything these miss.
 */
function fakecloudEnvironment(home: string, guard: string): NodeJS.ProcessEnv {
  return {
    PATH: join(home, 'no-programs'),
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    LD_PRELOAD: guard,
    LOOPBACK_GUARD_MARK: REFUSAL_MARK,
    FAKECLOUD_LOG: 'warn',
    FAKECLOUD_STORAGE_MODE: 'memory',
    FAKECLOUD_CONTAINER_CLI: join(home, 'no-container-cli'),
    AWS_ACCESS_KEY_ID: 'fakecloud-lane',
    AWS_SECRET_ACCESS_KEY: 'fakecloud-lane',
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
    DOCKER_HOST: `unix://${join(home, 'no-docker.sock')}`,
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
}

/**
 * The pinned fakecloud binary, built on first use (a cold build is long: CI resumes it a share
 * at a time in a cache outside the clone, see conformance/adapters/toolchains/fakecloud-build.mjs),
 * or, under REVOKETOKEN_COLD_BUILDS=never, a LaneError naming the command when it is not built.
 * @internal
 */
export function fakecloudBinary(): string {
  try {
    return ensureFakecloud({ build: process.env['REVOKETOKEN_COLD_BUILDS'] !== 'never' }).binary;
  } catch (error) {
    if (error instanceof FakecloudBuildError) throw new LaneError(`the fakecloud lane needs its build: ${error.message}`);
    throw error;
  }
}

function loopbackGuard(): string {
  try {
    return buildLoopbackGuard().library;
  } catch (error) {
    if (error instanceof GuardBuildError) throw new LaneError(`the fakecloud lane needs its loopback guard: ${error.message}`);
    throw error;
  }
}

/**
 * Starts the pinned fakecloud on 127.0.0.1 with a port the system picks (`--addr 127.0.0.1:0`;
 * fakecloud announces it on stdout), in memory mode in a new process, so every run starts from
 * nothing, with a working directory and HOME of its own, deleted on close. The lane is ready
 * when fakecloud has answered one request to its health endpoint: the announcement comes before
 * fakecloud builds its services' state, and the request waits in the socket's queue until it
 * serves.
 * @internal
 */
export async function startFakecloud(options: StartFakecloudOptions = {}): Promise<StartedFakecloud> {
  const binary = options.binary ?? fakecloudBinary();
  const guard = loopbackGuard();
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const startedAt = Date.now();
  const home = await mkdtemp(join(tmpdir(), 'revoketoken-fakecloud-'));
  await mkdir(join(home, 'no-programs'));
  const started = await startLaneProcess<number>({
    label: 'fakecloud',
    command: binary,
    args: ['--addr', '127.0.0.1:0', '--storage-mode', 'memory', '--log-level', 'warn'],
    env: fakecloudEnvironment(home, guard),
    home,
    refusalMark: REFUSAL_MARK,
    startTimeoutMs: timeoutMs,
    readyFrom(line) {
      const port = PORT_LINE.exec(line.trim())?.[1];
      return port === undefined ? undefined : Number(port);
    },
  });
  const url = `http://127.0.0.1:${started.ready}`;
  try {
    const remaining = Math.max(1, timeoutMs - (Date.now() - startedAt));
    const health = await fetch(`${url}/_fakecloud/health`, { signal: AbortSignal.timeout(remaining) }).catch((error: Error) => {
      throw new LaneError(`fakecloud announced port ${started.ready} but did not answer within ${timeoutMs} ms of its start: ${error.message}`);
    });
    await health.arrayBuffer();
    if (!health.ok) throw new LaneError(`fakecloud's health endpoint answered ${health.status}`);
  } catch (error) {
    await started.close().catch(() => undefined);
    throw error;
  }
  return { url, name: `fakecloud ${FAKECLOUD_VERSION}`, pid: started.pid, stateDirectory: home, close: started.close };
}
