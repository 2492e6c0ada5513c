import { redactAndClean } from '../../redaction/adapter-text.ts';
import { SensitiveValues } from '../../redaction/redact.ts';
import type { AdapterCapabilities, CallContext, RevokeTokenInput, RevokeTokenOutput } from '../contract.ts';
import { cancelLine, caseLine, describeCommand, type Hello, parseAnswer, parseHello, quote } from './protocol.ts';
import { shimEnvironment } from './shim-environment.ts';
import { ShimProcess } from './shim-process.ts';
import { PROCESS_PROTOCOL_VERSION, type ProcessAdapter, ProcessAdapterError, type ProcessAdapterOptions, type ProcessDiagnostics } from './types.ts';

/**
 * Process adapters: a client in any language, driven through protocol 1 over the stdin and
 * stdout of one long-lived child process. This module is the call state machine: one case
 * in flight at a time, a case abandoned by the caller, a child that hangs, dies or breaks the
 * protocol fails the case it was working on and is replaced by a fresh one for the next.
 */

const DEFAULT_ENDPOINT = 'http://127.0.0.1:1';
const CLOSE_GRACE_MS = 2000;

interface Pending {
  id: string;
  life: ShimProcess;
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
  private life: ShimProcess | undefined;
  /** Set while a child is starting: receives its first stdout line. */
  private greeting: { life: ShimProcess; resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
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
  /**
   * Every case's sensitive values so far. A line on stderr is read when it arrives, which may be
   * after the next case has started (stderr and stdout are separate pipes): redacting it with
   * one case's values could miss the values of the case that wrote it, so it is redacted with all.
   */
  private readonly seen = new SensitiveValues();
  private readonly redact = (text: string) => this.seen.redact(text);
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

  /** Starts a child and waits for its capabilities line. */
  async start(): Promise<void> {
    if (this.gaveUp) throw this.gaveUp;
    this.starts += 1;
    const life = new ShimProcess(this.options, shimEnvironment(this.endpoint, this.region, this.options.env), {
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
          () =>
            reject(
              new ProcessAdapterError(
                'start',
                `the client process printed no capabilities line within ${this.startTimeoutMs} ms (startTimeoutMs)${this.stderrTail()}`,
              ),
            ),
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
  private discard(life: ShimProcess): void {
    life.kill();
    if (this.life === life) this.life = undefined;
  }

  private onStderr(line: string): void {
    this.stderrLines.push(redactAndClean(line, this.redact));
    if (this.stderrLines.length > this.stderrLimit) this.stderrLines.splice(0, this.stderrLines.length - this.stderrLimit);
  }

  private onFinish(life: ShimProcess): void {
    if (this.life === life) this.life = undefined;
    if (!life.killedByHarness) this.event(`the client process (pid ${life.pid ?? 'unknown'}) ${life.exitDescription}`);
    if (this.greeting?.life === life) {
      this.greeting.reject(
        new ProcessAdapterError('start', `the client process ${life.exitDescription} before printing its capabilities line${this.stderrTail()}`),
      );
      return;
    }
    if (this.pending?.life === life && !life.killedByHarness) {
      this.failPending(
        new ProcessAdapterError('exit', `the client process ${life.exitDescription} while case ${this.pending.id} was pending${this.stderrTail()}`),
      );
    }
  }

  private onLine(life: ShimProcess, line: string): void {
    if (life !== this.life || life.killedByHarness) return;
    if (this.greeting?.life === life) {
      this.greeting.resolve(line);
      return;
    }
    if (line.trim() === '') return;
    const pending = this.pending;
    if (!pending) {
      this.event(`protocol violation: a stdout line outside any case, ${quote(line, this.redact)}; restarting the client process`);
      this.discard(life);
      return;
    }
    const answer = parseAnswer(line, pending.id, this.redact);
    if (answer.kind === 'violation') {
      this.event(`protocol violation in case ${pending.id}: ${answer.why}`);
      this.discard(life);
      this.failPending(new ProcessAdapterError('protocol', `${answer.why} (the client process was restarted)`));
    } else if (answer.kind === 'ok') {
      this.settle(pending, () => pending.resolve(answer.output));
    } else {
      this.settle(pending, () => pending.reject(answer.error));
    }
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
    this.seen.addMembersOf(input);
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await new Promise<RevokeTokenOutput>((resolve, reject) => {
        this.pending = { id, life, resolve, reject };
        timer = setTimeout(() => {
          if (this.pending?.id !== id) return;
          this.event(`case ${id} timed out after ${this.caseTimeoutMs} ms; killing the client process`);
          this.discard(life);
          this.failPending(
            new ProcessAdapterError(
              'timeout',
              `the client process did not answer case ${id} within ${this.caseTimeoutMs} ms (caseTimeoutMs); it was killed and will be restarted for the next case`,
            ),
          );
        }, this.caseTimeoutMs);
        if (cancellable) {
          onAbort = () => life.write(cancelLine(id));
          context.signal!.addEventListener('abort', onAbort, { once: true });
        }
        life.write(caseLine(id, input, context.endpoint, context.region));
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
