import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The cognito-local release the expectations file describes. Another release may behave
 * differently, so the lane refuses it rather than report deviations that are not its own.
 * @internal
 */
export const COGNITO_LOCAL_VERSION = '5.3.0';

/** cognito-local is missing, is another release, or did not start. @internal */
export class LaneError extends Error {
  override name = 'LaneError';
}

/** @internal */
export interface StartedServer {
  /** The endpoint, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** How reports name it. */
  name: string;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

/** @internal */
export interface StartCognitoLocalOptions {
  /** How long start-up may take. Default 20 000 ms (it loads the v2 AWS SDK). */
  startTimeoutMs?: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const READY = /Cognito Local running on (https?:\/\/\S+)/;

async function locate(): Promise<{ bin: string; version: string }> {
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve('cognito-local/package.json');
  } catch {
    throw new LaneError(
      `cognito-local is not installed; install the pinned release with: npm install --save-dev --save-exact cognito-local@${COGNITO_LOCAL_VERSION}`,
    );
  }
  const { version, bin } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string; bin: string | Record<string, string> };
  if (version !== COGNITO_LOCAL_VERSION) {
    throw new LaneError(
      `cognito-local ${version} is installed, but conformance/expectations/cognito-local.json describes ${COGNITO_LOCAL_VERSION}: install that release, or re-record the expectations`,
    );
  }
  const relative = typeof bin === 'string' ? bin : (bin['cognito-local'] ?? Object.values(bin)[0]);
  if (relative === undefined) throw new LaneError('cognito-local declares no executable');
  return { bin: join(dirname(manifest), relative), version };
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the pinned cognito-local on 127.0.0.1 with a port the system picks and a data
 * directory of its own (it keeps state under `.cognito/` in its working directory), so every
 * run starts from nothing. Its logs are read only to find the endpoint and are then discarded:
 * they may quote request bodies.
 * @internal
 */
export async function startCognitoLocal(options: StartCognitoLocalOptions = {}): Promise<StartedServer> {
  const { bin, version } = await locate();
  const dataDirectory = await mkdtemp(join(tmpdir(), 'revoketoken-cognito-local-'));
  // A clean environment: no AWS_* variable reaches it, and HOME points at the data directory
  // so nothing from the user's ~/.aws is read.
  const env = { PATH: process.env['PATH'] ?? '', HOME: dataDirectory, PORT: '0', HOST: '127.0.0.1' };
  const child = spawn(process.execPath, [bin], { cwd: dataDirectory, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stderrTail: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 10));
  });

  const close = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const grace = setTimeout(() => child.kill('SIGKILL'), 3000);
      await stopped(child);
      clearTimeout(grace);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(
        () => reject(new LaneError(`cognito-local did not start within ${options.startTimeoutMs ?? 20_000} ms`)),
        options.startTimeoutMs ?? 20_000,
      );
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk.replace(ANSI, '');
        const found = READY.exec(buffered);
        if (found) {
          clearTimeout(timer);
          buffered = '';
          resolve(found[1]!);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new LaneError(`cognito-local exited during start-up (${signal ?? `code ${code}`}): ${stderrTail.slice(-3).join(' | ') || 'no output'}`));
      });
    });
    const parsed = new URL(url);
    if (parsed.hostname !== '127.0.0.1') throw new LaneError(`cognito-local listens on ${parsed.hostname}, not 127.0.0.1`);
    return { url: parsed.origin, name: `cognito-local ${version}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
