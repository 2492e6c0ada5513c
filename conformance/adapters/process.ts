import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { devNull } from 'node:os';
import { redactorFor, redactSensitiveJsonMembers } from '../redaction/redact.ts';
import type { Adapter, AdapterCapabilities, AdapterError, CallContext, RevokeTokenInput, RevokeTokenOutput } from './contract.ts';

/**
 * Process adapters: a client in any language, driven through a line protocol over the
 * stdin/stdout of one long-lived child process (protocol 1, documented in CONTRACT.md).
 *
 * The harness writes one JSON line per case and reads one JSON line back; the child's
 * stderr is kept in a bounded buffer for the report. A child that hangs, dies or breaks the
 * protocol fails the case it was working on and is replaced by a fresh one for the next case.
 */

export const PROCESS_PROTOCOL_VERSION = 1;

export interface ProcessAdapterOptions {
  /** A string runs through the platform shell (`sh -c` on POSIX); an array is argv, no shell. */
  command: string | readonly string[];
  cwd?: string;
  /** Extra environment variables; they override the ones the harness sets. */
  env?: Record<string, string>;
  /** Real time one case may take before the child is killed. Default 30000. */
  caseTimeoutMs?: number;
  /** Real time the child may take to print its capabilities line. Default 30000. */
  startTimeoutMs?: number;
  /**
   * The endpoint put in the environment of the first child, before any case is known (later
   * children get the endpoint of the case that starts them). Default http://127.0.0.1:1, a
   * port nothing listens on: a client that ignores the per-case endpoint fails loudly.
   */
  endpoint?: string;
  /** The region put in the environment of the first child. Default us-east-1. */
  region?: string;
  /** How many recent stderr lines to keep. Default 200. */
  stderrLines?: number;
  /** Consecutive failed start-ups after which the adapter stops trying. Default 3. */
  maxStartFailures?: number;
}

/** What went wrong in the harness-to-child plumbing (as opposed to an error the client decoded). */
export type ProcessFailureKind = 'start' | 'timeout' | 'exit' | 'protocol' | 'abandoned' | 'closed' | 'gave-up';

/**
 * A case that failed because of the child process, not because of what the client decoded:
 * `kind` says why. A runner may treat `timeout` like a call that never settled.
 */
export class ProcessAdapterError extends Error {
  override name = 'ProcessAdapterError';
  constructor(
    readonly kind: ProcessFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface ProcessDiagnostics {
  command: string;
  /** The name from the capabilities line. */
  clientName?: string;
  pid?: number;
  /** Child processes started so far (1 when no restart was needed). */
  starts: number;
  /** Recent stderr lines of every child, oldest first, with the cases' sensitive values redacted. */
  stderr: string[];
  /** Restarts, kills and protocol violations, oldest first. */
  events: string[];
}

export interface ProcessAdapter extends Adapter {
  readonly kind: 'process';
  readonly protocol: typeof PROCESS_PROTOCOL_VERSION;
  capabilities: AdapterCapabilities;
  diagnostics(): ProcessDiagnostics;
  close(): Promise<void>;
}

const DEFAULT_ENDPOINT = 'http://127.0.0.1:1';
const FAKE_ACCESS_KEY_ID = 'AKIDCONFORMANCEFAKE0';
const FAKE_SECRET_ACCESS_KEY = 'conformance-fake-secret-access-key-not-real';
const MAX_LINE_CHARS = 4 * 1024 * 1024;
const MAX_STDERR_LINE_CHARS = 2000;
const QUOTE_CHARS = 200;
const CLOSE_GRACE_MS = 2000;
const EXIT_FLUSH_MS = 200;
const KNOWN_CAPABILITIES = ['clientSecret', 'revokeAssociatedSessions', 'cancellation', 'retries'];


function quote(text: string, redact: (text: string) => string): string {
  const clean = redactSensitiveJsonMembers(redact(text));
  return JSON.stringify(clean.length > QUOTE_CHARS ? `${clean.slice(0, QUOTE_CHARS)}…` : clean);
}

function describeCommand(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/** Splits a stream into lines, and calls `onOverflow` if a line grows past `max` characters. */
function lineSplitter(onLine: (line: string) => void, max: number, onOverflow: () => void) {
  let buffer = '';
  let overflowed = false;
  return {
    push(chunk: string) {
      if (overflowed) return;
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        onLine(line);
      }
      if (buffer.length > max) {
        overflowed = true;
        buffer = '';
        onOverflow();
      }
    },
    end() {
      if (buffer !== '' && !overflowed) onLine(buffer.replace(/\r$/, ''));
      buffer = '';
    },
  };
}

interface Hello {
  name: string;
  capabilities: AdapterCapabilities;
}

function parseHello(line: string): Hello {
  const redactNothing = (t: string) => t;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ProcessAdapterError('start', `the first line on stdout must be the capabilities line ({"protocol":1,"name":…,"capabilities":{…}}), got ${quote(line, redactNothing)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProcessAdapterError('start', `the capabilities line must be a JSON object, got ${quote(line, redactNothing)}`);
  }
  const hello = value as { protocol?: unknown; name?: unknown; capabilities?: unknown };
  if (hello.protocol !== PROCESS_PROTOCOL_VERSION) {
    const got = typeof hello.protocol === 'number' ? `protocol ${hello.protocol}` : `"protocol": ${JSON.stringify(hello.protocol) ?? 'missing'}`;
    throw new ProcessAdapterError('start', `the client speaks ${got}; this harness speaks process-adapter protocol ${PROCESS_PROTOCOL_VERSION}`);
  }
  if (typeof hello.name !== 'string' || hello.name.trim() === '') {
    throw new ProcessAdapterError('start', 'the capabilities line needs "name": a non-empty string naming the client and its version');
  }
  const caps = hello.capabilities ?? {};
  if (caps === null || typeof caps !== 'object' || Array.isArray(caps)) {
    throw new ProcessAdapterError('start', '"capabilities" in the capabilities line must be an object');
  }
  const capabilities: AdapterCapabilities = {};
  for (const [key, v] of Object.entries(caps)) {
    if (key === 'maxAttempts') {
      if (!Number.isInteger(v) || (v as number) < 1) throw new ProcessAdapterError('start', `capabilities.maxAttempts must be a positive integer, got ${JSON.stringify(v)}`);
      capabilities.maxAttempts = v as number;
    } else if (KNOWN_CAPABILITIES.includes(key)) {
      if (typeof v !== 'boolean') throw new ProcessAdapterError('start', `capabilities.${key} must be true or false, got ${JSON.stringify(v)}`);
      (capabilities as Record<string, boolean>)[key] = v;
    } else {
      throw new ProcessAdapterError('start', `unknown capability "${key}" (known: ${KNOWN_CAPABILITIES.join(', ')}, maxAttempts)`);
    }
  }
  return { name: hello.name, capabilities };
}

/** One child process: spawned, greeted, and eventually dead. */
class Life {
  readonly child: ChildProcess;
  exited = false;
  exitDescription = '';
  killedByHarness = false;
  private finished = false;
  private stdout;
  private readonly onLine: (life: Life, line: string) => void;
  private readonly onFinish: (life: Life) => void;

  constructor(
    options: ProcessAdapterOptions,
    env: NodeJS.ProcessEnv,
    handlers: { line: (life: Life, line: string) => void; stderr: (line: string) => void; finish: (life: Life) => void },
  ) {
    this.onLine = handlers.line;
    this.onFinish = handlers.finish;
    const posix = process.platform !== 'win32';
    const spawnOptions: SpawnOptions = { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: posix, windowsHide: true };
    this.child =
      typeof options.command === 'string'
        ? spawn(options.command, { ...spawnOptions, shell: true })
        : spawn(options.command[0]!, options.command.slice(1), spawnOptions);
    // An idle child must not keep the harness alive; pending cases hold a timer instead.
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) {
      (stream as unknown as { unref?: () => void } | null)?.unref?.();
    }

    this.stdout = lineSplitter(
      (line) => this.onLine(this, line),
      MAX_LINE_CHARS,
      () => this.onLine(this, `<a line longer than ${MAX_LINE_CHARS} characters>`),
    );
    const stderr = lineSplitter((line) => handlers.stderr(line), MAX_LINE_CHARS, () => handlers.stderr('<stderr line too long, dropped>'));
    this.child.stdout!.setEncoding('utf8');
    this.child.stderr!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => this.stdout.push(chunk));
    this.child.stderr!.on('data', (chunk: string) => stderr.push(chunk));
    this.child.stderr!.on('end', () => stderr.end());
    // EPIPE when the child is gone: the exit handler reports it.
    this.child.stdin!.on('error', () => {});

    let stdoutEnded = false;
    this.child.stdout!.on('end', () => {
      stdoutEnded = true;
      this.stdout.end();
      if (this.exited) this.finish();
    });
    this.child.on('error', (error) => {
      // spawn failed (e.g. ENOENT for an argv command) or a kill failed.
      if (!this.exited) {
        this.exited = true;
        this.exitDescription = `could not be started: ${error.message}`;
        this.finish();
      }
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitDescription = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (stdoutEnded) this.finish();
      // A grandchild may hold stdout open; do not wait for it forever.
      else setTimeout(() => this.finish(), EXIT_FLUSH_MS).unref();
    });
  }

  private finish() {
    if (this.finished) return;
    this.finished = true;
    this.onFinish(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  write(line: string): void {
    if (!this.exited && this.child.stdin?.writable) this.child.stdin.write(`${line}\n`);
  }

  kill(): void {
    this.killedByHarness = true;
    if (this.exited) return;
    try {
      if (process.platform !== 'win32' && this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGKILL');
      else this.child.kill('SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  /** Closes stdin (the shim then exits at EOF), and kills the child if it has not exited in time. */
  async end(graceMs: number): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.killedByHarness = true;
    this.child.stdin?.end();
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs));
    if ((await Promise.race([exited, timer])) === 'late') {
      this.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 500))]);
    }
  }
}

interface Pending {
  id: string;
  life: Life;
  redact: (text: string) => string;
  resolve: (output: RevokeTokenOutput) => void;
  reject: (error: Error) => void;
}

interface CallState {
  abandoned: boolean;
}

class ProcessClient implements ProcessAdapter {
  readonly kind = 'process' as const;
  readonly protocol = PROCESS_PROTOCOL_VERSION;
  name = 'process adapter';
  capabilities: AdapterCapabilities = {};

  private readonly options: ProcessAdapterOptions;
  private readonly caseTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly stderrLimit: number;
  private readonly maxStartFailures: number;
  private life: Life | undefined;
  /** Set while a child is starting: receives its first stdout line. */
  private greeting: { life: Life; resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private pending: Pending | undefined;
  private active: CallState | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private hello: Hello | undefined;
  private startFailures = 0;
  private gaveUp: ProcessAdapterError | undefined;
  private closed = false;
  private sequence = 0;
  private starts = 0;
  private endpoint: string;
  private region: string;
  private lastRedact: (text: string) => string = (t) => t;
  private readonly stderrLines: string[] = [];
  private readonly events: string[] = [];

  constructor(options: ProcessAdapterOptions) {
    this.options = options;
    this.caseTimeoutMs = options.caseTimeoutMs ?? 30_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.stderrLimit = options.stderrLines ?? 200;
    this.maxStartFailures = options.maxStartFailures ?? 3;
    this.endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
    this.region = options.region ?? 'us-east-1';
  }

  diagnostics(): ProcessDiagnostics {
    return {
      command: describeCommand(this.options.command),
      clientName: this.hello?.name,
      pid: this.life?.pid,
      starts: this.starts,
      stderr: [...this.stderrLines],
      events: [...this.events],
    };
  }

  private event(text: string): void {
    this.events.push(`${new Date().toISOString()} ${text}`);
    if (this.events.length > this.stderrLimit) this.events.splice(0, this.events.length - this.stderrLimit);
  }

  private stderrTail(count = 12): string {
    const tail = this.stderrLines.slice(-count);
    return tail.length === 0 ? ' (stderr was empty)' : `; last stderr lines:\n  ${tail.join('\n  ')}`;
  }

  private environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    // The user's own AWS settings (profiles, credentials, retry modes) must not leak into the client under test.
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
    Object.assign(env, {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: this.endpoint,
      AWS_ENDPOINT_URL: this.endpoint,
      AWS_REGION: this.region,
      AWS_DEFAULT_REGION: this.region,
      // Fake, so that clients that insist on credentials do not fail for the wrong reason;
      // the suite checks that RevokeToken goes out unsigned all the same.
      AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
      AWS_CONFIG_FILE: devNull,
      AWS_SHARED_CREDENTIALS_FILE: devNull,
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    return { ...env, ...this.options.env };
  }

  /** Starts a child and waits for its capabilities line. */
  async start(): Promise<void> {
    if (this.gaveUp) throw this.gaveUp;
    this.starts += 1;
    const life = new Life(this.options, this.environment(), {
      line: (l, line) => this.onLine(l, line),
      stderr: (line) => this.onStderr(line),
      finish: (l) => this.onFinish(l),
    });
    this.life = life;
    this.event(`started ${describeCommand(this.options.command)} (pid ${life.pid ?? 'unknown'})`);
    let timer: NodeJS.Timeout | undefined;
    try {
      const line = await new Promise<string>((resolve, reject) => {
        this.greeting = { life, resolve, reject };
        timer = setTimeout(
          () => reject(new ProcessAdapterError('start', `the client process printed no capabilities line within ${this.startTimeoutMs} ms (startTimeoutMs)${this.stderrTail()}`)),
          this.startTimeoutMs,
        );
      });
      const hello = parseHello(line);
      if (this.hello === undefined) {
        this.hello = hello;
        this.name = hello.name;
        this.capabilities = hello.capabilities;
      } else if (JSON.stringify(hello) !== JSON.stringify(this.hello)) {
        this.event(`the restarted child announced ${JSON.stringify(hello)}, unlike the first (${JSON.stringify(this.hello)}); keeping the first`);
      }
      this.startFailures = 0;
    } catch (error) {
      this.discard(life);
      this.startFailures += 1;
      const failure = error instanceof ProcessAdapterError ? error : new ProcessAdapterError('start', String(error));
      this.event(`start-up failed: ${failure.message.split('\n')[0]}`);
      if (this.startFailures >= this.maxStartFailures) {
        this.gaveUp = new ProcessAdapterError(
          'gave-up',
          `gave up on the client process after ${this.startFailures} failed start-ups in a row (${describeCommand(this.options.command)}); the last one: ${failure.message}`,
        );
      }
      throw failure;
    } finally {
      clearTimeout(timer);
      this.greeting = undefined;
    }
  }

  /** Kills a child the harness has given up on; its later output is ignored. */
  private discard(life: Life): void {
    life.kill();
    if (this.life === life) this.life = undefined;
  }

  private onStderr(line: string): void {
    const clean = redactSensitiveJsonMembers(this.pending ? this.pending.redact(line) : this.lastRedact(line));
    this.stderrLines.push(clean.length > MAX_STDERR_LINE_CHARS ? `${clean.slice(0, MAX_STDERR_LINE_CHARS)}…` : clean);
    if (this.stderrLines.length > this.stderrLimit) this.stderrLines.splice(0, this.stderrLines.length - this.stderrLimit);
  }

  private onFinish(life: Life): void {
    if (this.life === life) this.life = undefined;
    if (!life.killedByHarness) this.event(`the client process (pid ${life.pid ?? 'unknown'}) ${life.exitDescription}`);
    if (this.greeting?.life === life) {
      this.greeting.reject(new ProcessAdapterError('start', `the client process ${life.exitDescription} before printing its capabilities line${this.stderrTail()}`));
      return;
    }
    if (this.pending?.life === life && !life.killedByHarness) {
      this.failPending(new ProcessAdapterError('exit', `the client process ${life.exitDescription} while case ${this.pending.id} was pending${this.stderrTail()}`));
    }
  }

  private onLine(life: Life, line: string): void {
    if (life !== this.life || life.killedByHarness) return;
    if (this.greeting?.life === life) {
      this.greeting.resolve(line);
      return;
    }
    if (line.trim() === '') return;
    const pending = this.pending;
    if (!pending) {
      this.event(`protocol violation: a stdout line outside any case, ${quote(line, this.lastRedact)}; restarting the client process`);
      this.discard(life);
      return;
    }
    const fail = (why: string) => {
      this.event(`protocol violation in case ${pending.id}: ${why}`);
      this.discard(life);
      this.failPending(new ProcessAdapterError('protocol', `${why} (the client process was restarted)`));
    };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return fail(`the client process printed a line that is not JSON while case ${pending.id} was pending: ${quote(line, pending.redact)}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return fail(`the client process printed a JSON value that is not an object: ${quote(line, pending.redact)}`);
    }
    const answer = value as { id?: unknown; ok?: unknown; error?: unknown };
    if (answer.id !== pending.id) {
      return fail(`the client process answered id ${JSON.stringify(answer.id) ?? '(none)'} while case ${JSON.stringify(pending.id)} was pending: ${quote(line, pending.redact)}`);
    }
    const hasOk = answer.ok !== undefined;
    const hasError = answer.error !== undefined;
    if (hasOk === hasError) {
      return fail(`an answer must carry exactly one of "ok" and "error": ${quote(line, pending.redact)}`);
    }
    if (hasOk) {
      if (answer.ok === null || typeof answer.ok !== 'object' || Array.isArray(answer.ok)) return fail(`"ok" must be an object: ${quote(line, pending.redact)}`);
      const output = answer.ok as RevokeTokenOutput & Record<string, unknown>;
      if (output.$metadata !== undefined && (output.$metadata === null || typeof output.$metadata !== 'object')) return fail(`"ok.$metadata" must be an object: ${quote(line, pending.redact)}`);
      this.settle(pending, () => pending.resolve(output));
      return;
    }
    const error = answer.error as { name?: unknown; message?: unknown; statusCode?: unknown; requestId?: unknown } | null;
    if (error === null || typeof error !== 'object' || Array.isArray(error)) return fail(`"error" must be an object: ${quote(line, pending.redact)}`);
    if (typeof error.name !== 'string' || error.name === '') return fail(`"error.name" must be a non-empty string: ${quote(line, pending.redact)}`);
    if (error.message !== undefined && error.message !== null && typeof error.message !== 'string') return fail(`"error.message" must be a string: ${quote(line, pending.redact)}`);
    if (error.statusCode !== undefined && error.statusCode !== null && !Number.isInteger(error.statusCode)) return fail(`"error.statusCode" must be an integer or null: ${quote(line, pending.redact)}`);
    if (error.requestId !== undefined && error.requestId !== null && typeof error.requestId !== 'string') return fail(`"error.requestId" must be a string or null: ${quote(line, pending.redact)}`);
    const decoded = new Error(typeof error.message === 'string' ? error.message : '') as AdapterError;
    decoded.name = error.name;
    const statusCode = typeof error.statusCode === 'number' ? error.statusCode : undefined;
    const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
    if (statusCode !== undefined || requestId !== undefined) decoded.$metadata = { httpStatusCode: statusCode, requestId };
    this.settle(pending, () => pending.reject(decoded));
  }

  private settle(pending: Pending, action: () => void): void {
    if (this.pending !== pending) return;
    this.pending = undefined;
    action();
  }

  private failPending(error: ProcessAdapterError): void {
    const pending = this.pending;
    if (pending) this.settle(pending, () => pending.reject(error));
  }

  revokeToken(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    // Protocol 1 has one case in flight at a time. A new call while one is pending means the
    // caller gave up on it (the runner's own budget ran out): drop it and its child.
    if (this.active) {
      this.active.abandoned = true;
      if (this.pending) {
        const id = this.pending.id;
        this.event(`case ${id} abandoned by the caller; restarting the client process`);
        if (this.life) this.discard(this.life);
        this.failPending(new ProcessAdapterError('abandoned', `case ${id} was abandoned: a new call started before the client process answered`));
      }
    }
    const call: CallState = { abandoned: false };
    this.active = call;
    const run = this.queue.then(() => this.run(call, input, context));
    this.queue = run.catch(() => {});
    return run.finally(() => {
      if (this.active === call) this.active = undefined;
    });
  }

  private async run(call: CallState, input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    if (this.closed) throw new ProcessAdapterError('closed', 'the process adapter is closed');
    if (call.abandoned) throw new ProcessAdapterError('abandoned', 'the call was abandoned before it was sent');
    if (this.gaveUp) throw this.gaveUp;
    const cancellable = this.capabilities.cancellation === true && context.signal !== undefined;
    if (cancellable && context.signal!.aborted) throw context.signal!.reason ?? new DOMException('aborted', 'AbortError');

    this.endpoint = context.endpoint;
    this.region = context.region;
    if (this.life?.exited) this.life = undefined;
    if (!this.life) {
      if (this.starts > 0) this.event('restarting the client process for the next case');
      await this.start();
    }
    const life = this.life;
    if (!life) throw new ProcessAdapterError('exit', `the client process exited right after start-up${this.stderrTail()}`);
    if (call.abandoned) throw new ProcessAdapterError('abandoned', 'the call was abandoned before it was sent');

    this.sequence += 1;
    const id = `c${this.sequence}`;
    const caseRedact = redactorFor(input);
    this.lastRedact = caseRedact;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await new Promise<RevokeTokenOutput>((resolve, reject) => {
        this.pending = { id, life, redact: caseRedact, resolve, reject };
        timer = setTimeout(() => {
          if (this.pending?.id !== id) return;
          this.event(`case ${id} timed out after ${this.caseTimeoutMs} ms; killing the client process`);
          this.discard(life);
          this.failPending(
            new ProcessAdapterError('timeout', `the client process did not answer case ${id} within ${this.caseTimeoutMs} ms (caseTimeoutMs); it was killed and will be restarted for the next case`),
          );
        }, this.caseTimeoutMs);
        if (cancellable) {
          onAbort = () => life.write(JSON.stringify({ id, cancel: true }));
          context.signal!.addEventListener('abort', onAbort, { once: true });
        }
        life.write(JSON.stringify({ id, input, endpoint: context.endpoint, region: context.region }));
      });
    } finally {
      clearTimeout(timer);
      if (onAbort) context.signal!.removeEventListener('abort', onAbort);
      if (this.pending?.id === id) this.pending = undefined;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failPending(new ProcessAdapterError('closed', 'the process adapter was closed while the case was pending'));
    const life = this.life;
    this.life = undefined;
    await life?.end(CLOSE_GRACE_MS);
  }
}

/**
 * Starts the client process, reads its capabilities line, and returns an adapter that sends
 * it one case at a time. Rejects with a ProcessAdapterError (kind `start`) when the process
 * cannot be started or does not greet properly.
 */
export async function createProcessAdapter(options: ProcessAdapterOptions): Promise<ProcessAdapter> {
  if (typeof options.command === 'string' ? options.command.trim() === '' : options.command.length === 0) {
    throw new ProcessAdapterError('start', 'createProcessAdapter needs a command');
  }
  const client = new ProcessClient(options);
  try {
    await client.start();
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}
