import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AdapterCapabilities } from '../adapters/contract.ts';
import { AdapterLoadError } from '../adapters/load.ts';
import type { Case } from '../fixtures/case.ts';
import type { CallSequence } from '../properties/call-sequence.ts';
import { LineWindow } from '../redaction/line-window.ts';
import type { SequenceRecord } from '../run/execute-sequence.ts';
import type { CaseExecutor, ExecutionRecord } from '../run/run-case.ts';
import { openSandboxMessage } from './channel.ts';
import type { FromSandbox, SandboxStart, ToSandbox } from './protocol.ts';
import { checkSequenceRequests, type WitnessedRequests, withWitnessedRequests } from './witnessed-requests.ts';

/**
 * Runs an in-process adapter loaded from a module in a worker thread (decisions/0011): whatever
 * it does (exit, hang, spin, leak timers, replace globals, throw from nowhere), the harness's
 * thread goes on judging and reporting. A worker that dies or stops answering is replaced by a
 * fresh one for the next case.
 */
export interface SandboxOptions {
  spec: string;
  cwd?: string;
  caseTimeoutMs: number;
  region: string;
  /** Real time the adapter's module and factory may take to load. Default max(caseTimeoutMs, 5000); with startTimeoutMs, twice it (module, then factory) plus the grace. */
  loadTimeoutMs?: number;
  /**
   * --start-timeout: the worker's loader bounds the module and the factory each by it, and a
   * load that runs out is a load error naming which (exit 2, as for an adapter loaded in the harness).
   */
  startTimeoutMs?: number;
  /** Real time close() may take. Default max(caseTimeoutMs, 2000). */
  closeTimeoutMs?: number;
  /** Real time past the case timeout before a worker that stopped answering (a busy loop) is terminated. Default 1000. */
  watchdogGraceMs?: number;
  /** Worker heap bound. Default 512 MB old generation. */
  maxHeapMb?: number;
  /**
   * Makes line `at` of the worker's console output, stdout or stderr safe to show, given the
   * lines around it (the runner redacts the run's sensitive values in them as one text, so a
   * value split over lines is found, and cleans control characters); each line then goes to the
   * harness's stderr. Default: shown as it is.
   */
  output?: (lines: readonly string[], at: number) => string;
}

/** A started sandbox; `problem` set when the adapter broke the run while loading. */
export type SandboxStartResult = { kind: 'ready'; sandbox: Sandbox } | { kind: 'out-of-process' } | { kind: 'load-failed'; problem: string };

/** After this many deaths without a case completing in between, the sandbox is not restarted. */
const MAX_CONSECUTIVE_DEATHS = 5;

// The worker's entry file sits next to this one, with this file's own extension: .ts when the
// harness runs from source (under tsx or vitest), .js once compiled.
const OWN_EXTENSION = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';
const ENTRY = new URL(`./worker-entry${OWN_EXTENSION}`, import.meta.url);

/**
 * Node 20 workers do not run their entry through loader hooks given in execArgv (tsx's
 * included), so a TypeScript entry is loaded through a small bootstrap that registers tsx
 * inside the worker first. The compiled entry needs no tsx of its own: a TypeScript adapter is
 * loaded by adapters/import-module.ts, which picks Node's type stripping or the tsx loader that
 * fits the file's package type (tsx registered for the whole worker would take a `.ts` file of
 * a CommonJS package through require() in a cycle). tsx's modules are still imported before
 * the entry, unregistered, because loading them opens tsx's pipe to a parent tsx process, and
 * after the entry the network guard would count that as the adapter reaching out.
 */
function workerSource(spec: string): { source: string | URL; eval: boolean } {
  const typescriptAdapter = /\.[mc]?ts$/.test(spec);
  if (OWN_EXTENSION === '.js' && !typescriptAdapter) return { source: ENTRY, eval: false };
  const require = createRequire(import.meta.url);
  let tsxApi: string;
  try {
    tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  } catch {
    if (OWN_EXTENSION === '.js') return { source: ENTRY, eval: false };
    throw new AdapterLoadError('the adapter sandbox needs tsx to run from TypeScript sources (npm install tsx)');
  }
  const entry = JSON.stringify(ENTRY.href);
  const tsxCjsApi = JSON.stringify(require.resolve('tsx/cjs/api'));
  // tsx compiles with esbuild, and esbuild's transformSync starts a worker thread on its first
  // call (Node 22 and 24 take that path for the harness's own modules too, Node 20 for a .ts
  // adapter of a CommonJS package): started here, before the entry installs the reach guard, it
  // is the harness's worker, not one the adapter started (the guard refuses those).
  const warmEsbuild = `try { createRequire(${tsxCjsApi})('esbuild').transformSync(''); } catch {}`;
  if (OWN_EXTENSION === '.ts') {
    return {
      source: `import('node:module').then(({ createRequire }) => { ${warmEsbuild} return import(${JSON.stringify(tsxApi)}); }).then((tsx) => { tsx.register(); return import(${entry}); });`,
      eval: true,
    };
  }
  return {
    source: `import('node:module').then(({ createRequire }) => { createRequire(${tsxCjsApi})(${tsxCjsApi}); ${warmEsbuild} return import(${JSON.stringify(tsxApi)}); }).then(() => import(${entry}));`,
    eval: true,
  };
}

interface Pending {
  seq: number;
  /** The worker's record of a case or of a sequence (which one the pending request asked for). */
  resolve(record: ExecutionRecord | SequenceRecord): void;
  /** The worker died before answering: the request's record says so. */
  die(crash: string): void;
  startedAt: number;
}

/** One worker's life: started, loaded, answering cases, gone. */
class SandboxWorker {
  readonly worker: Worker;
  readonly loaded: Promise<FromSandbox>;
  exited = false;
  /** Terminated by the harness (poisoned, hung, spinning): never given another case. */
  dying = false;
  exitCalled: string | undefined;
  deathCause: string | undefined;
  pending: Pending | undefined;
  /** The requests the worker's fake service sent for each case as it captured them, by case (decisions/0021). */
  readonly witnessed = new Map<number, WitnessedRequests>();
  /** The worker's stdout and stderr, each held back a few lines so that a line is redacted with those after it. */
  private readonly outputs: LineWindow[];
  private onClosed: ((problem: string | undefined) => void) | undefined;
  private resolveLoaded!: (message: FromSandbox) => void;

  constructor(
    start: SandboxStart,
    maxHeapMb: number,
    private readonly onDeath: (worker: SandboxWorker) => void,
    output: (lines: readonly string[], at: number) => string = (lines, at) => lines[at]!,
    private readonly nonce = '',
    /** A message that failed the channel's check: the run fails (decisions/0021). */
    private readonly onBreach: (breach: string) => void = () => {},
  ) {
    const { source, eval: isEval } = workerSource(start.spec);
    this.loaded = new Promise((resolve) => {
      this.resolveLoaded = resolve;
    });
    this.worker = new Worker(source, {
      eval: isEval,
      workerData: start,
      // The adapter's output never mixes with the harness's stdout (which may carry a report).
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64 },
    });
    // First, before the adapter's module loads: the run's secret, which every message back must carry.
    this.post({ type: 'seal', nonce });
    this.outputs = [showLines(this.worker.stdout, output), showLines(this.worker.stderr, output)];
    this.worker.on('message', (raw: unknown) => {
      const opened = openSandboxMessage(raw, this.nonce);
      if (opened.kind === 'breach') this.onBreach(opened.breach);
      else this.receive(opened.message);
    });
    this.worker.on('error', (error) => {
      this.deathCause ??= `the sandbox failed: ${error.message}`;
    });
    this.worker.on('exit', (code) => {
      this.exited = true;
      // Nothing more will come: what is still held back (a line without its line break) is shown now.
      for (const output of this.outputs) output.flush();
      const cause =
        this.deathCause ?? (this.exitCalled !== undefined ? `the adapter called process.exit(${this.exitCalled})` : `the sandbox exited with code ${code}`);
      // An exit before the adapter is ready: with nothing left to run, a module or factory that never settles ends the worker.
      const whileLoading =
        this.deathCause ??
        (this.exitCalled !== undefined
          ? `the adapter called process.exit(${this.exitCalled}) while loading`
          : `the adapter's module or factory never settled (the sandbox had nothing left to run and ended, exit code ${code})`);
      this.resolveLoaded({ type: 'load-fault', message: whileLoading });
      this.onClosed?.(cause);
      this.onDeath(this);
    });
  }

  private receive(message: FromSandbox): void {
    switch (message.type) {
      case 'loading':
        return;
      case 'ready':
      case 'load-error':
      case 'load-fault':
        this.resolveLoaded(message);
        return;
      case 'exit-called':
        this.exitCalled = message.code;
        return;
      case 'request': {
        // Only for the case running now: a request under a case that has ended, or one not yet
        // started, is not that case's to be judged with.
        if (this.pending?.seq !== message.seq) {
          if (message.seq > this.lastSeq) this.onBreach(`a request arrived for a case that had not started (${message.seq})`);
          return;
        }
        const seen = this.witnessed.get(message.seq) ?? { during: [], late: [] };
        (message.late ? seen.late : seen.during).push(message.request);
        this.witnessed.set(message.seq, seen);
        return;
      }
      case 'output':
        this.outputs[message.stream - 1]?.write(String(message.text));
        return;
      case 'closed':
        this.onClosed?.(message.problem);
        return;
      case 'record':
      case 'sequence-record': {
        const pending = this.pending;
        if (!pending || pending.seq !== message.seq) return;
        this.pending = undefined;
        pending.resolve(message.record);
        // The case is over: what it printed is shown now rather than with the next case's
        // output, once the runner has taken in the values the case sent (a turn later).
        setImmediate(() => {
          for (const output of this.outputs) output.flush();
        });
        if (message.poisoned) this.kill('the previous call left the sandbox unusable, so it was replaced');
      }
    }
  }

  /** The highest case number posted to this worker. */
  lastSeq = 0;

  post(message: ToSandbox): void {
    if (message.type === 'case' || message.type === 'sequence') this.lastSeq = message.seq;
    this.worker.postMessage(message);
  }

  kill(cause: string): void {
    this.deathCause ??= cause;
    this.dying = true;
    void this.worker.terminate();
  }

  close(timeoutMs: number): Promise<string | undefined> {
    if (this.exited || this.dying) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onClosed = undefined;
        resolve(`close() did not settle within ${timeoutMs} ms`);
        this.kill(`close() did not settle within ${timeoutMs} ms`);
      }, timeoutMs);
      this.onClosed = (problem) => {
        clearTimeout(timer);
        this.onClosed = undefined;
        resolve(problem);
        if (!this.exited) void this.worker.terminate();
      };
      this.post({ type: 'close' });
    });
  }
}

/** Each line of a worker's output stream, made safe by `output` with its neighbours, on the harness's stderr. */
function showLines(stream: Readable, output: (lines: readonly string[], at: number) => string): LineWindow {
  const window = new LineWindow((lines, at) => {
    let shown: string;
    try {
      shown = output(lines, at);
    } catch {
      shown = "(a line of the adapter's output that could not be made safe to show)";
    }
    process.stderr.write(`${shown}\n`);
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => window.push(line));
  // The stream ends with the worker: whatever is still held back is shown then.
  lines.on('close', () => window.flush());
  return window;
}

export class Sandbox implements CaseExecutor {
  private current: SandboxWorker | undefined;
  private seq = 0;
  private consecutiveDeaths = 0;
  private lastLoadProblem: string | undefined;

  private constructor(
    private readonly start: SandboxStart,
    private readonly options: Required<Omit<SandboxOptions, 'spec' | 'cwd' | 'output' | 'startTimeoutMs'>> & Pick<SandboxOptions, 'output'>,
    readonly name: string,
    readonly capabilities: AdapterCapabilities | undefined,
    first: SandboxWorker,
    /** The run's secret, shared by every worker of the run (decisions/0021). */
    private readonly nonce: string,
    /** Every message that failed the channel's check, in the run: any one fails the run. */
    private readonly breaches: string[],
  ) {
    this.current = first;
  }

  /** Starts the worker and loads the adapter in it. Ordinary load errors throw AdapterLoadError. */
  static async start(options: SandboxOptions): Promise<SandboxStartResult> {
    const settings = {
      caseTimeoutMs: options.caseTimeoutMs,
      region: options.region,
      // With --start-timeout the worker's own loader times out first and says what it waited for.
      loadTimeoutMs:
        options.loadTimeoutMs ??
        (options.startTimeoutMs !== undefined ? 2 * options.startTimeoutMs + (options.watchdogGraceMs ?? 1_000) : Math.max(options.caseTimeoutMs, 5_000)),
      closeTimeoutMs: options.closeTimeoutMs ?? Math.max(options.caseTimeoutMs, 2_000),
      watchdogGraceMs: options.watchdogGraceMs ?? 1_000,
      maxHeapMb: options.maxHeapMb ?? 512,
      ...(options.output ? { output: options.output } : {}),
    };
    const start: SandboxStart = {
      spec: options.spec,
      cwd: options.cwd ?? process.cwd(),
      caseTimeoutMs: options.caseTimeoutMs,
      region: options.region,
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    };
    // Made here, never written where the adapter can read it (workerData, the environment, argv).
    const nonce = randomBytes(24).toString('base64url');
    const breaches: string[] = [];
    const worker = new SandboxWorker(
      start,
      settings.maxHeapMb,
      () => {},
      settings.output,
      nonce,
      (breach) => breaches.push(breach),
    );
    const loaded = await Sandbox.awaitLoad(worker, settings.loadTimeoutMs);
    // A forged message while loading: the adapter is not one the run can trust with a verdict.
    if (breaches.length > 0 && loaded.type !== 'load-error') {
      void worker.worker.terminate();
      return { kind: 'load-failed', problem: breachProblem(breaches) };
    }
    if (loaded.type === 'load-error') {
      void worker.worker.terminate();
      throw new AdapterLoadError(loaded.message);
    }
    if (loaded.type === 'load-fault') {
      void worker.worker.terminate();
      return { kind: 'load-failed', problem: loaded.message };
    }
    if (loaded.type !== 'ready') return { kind: 'load-failed', problem: 'the sandbox sent an unexpected message while loading' };
    if (loaded.outOfProcess) {
      // The worker closes its copy (and its child process) and ends; the harness loads the
      // process adapter itself.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settings.closeTimeoutMs);
        worker.worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (!worker.exited) await worker.worker.terminate();
      return { kind: 'out-of-process' };
    }
    const sandbox = new Sandbox(start, settings, loaded.name, loaded.capabilities, worker, nonce, breaches);
    sandbox.adopt(worker);
    return { kind: 'ready', sandbox };
  }

  private static awaitLoad(worker: SandboxWorker, timeoutMs: number): Promise<FromSandbox> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.kill(`the adapter did not finish loading within ${timeoutMs} ms`);
        resolve({ type: 'load-fault', message: `the adapter did not finish loading within ${timeoutMs} ms (its module or factory never settles)` });
      }, timeoutMs);
      void worker.loaded.then((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }

  /** Rewires a worker's exit to this sandbox: a death fails the pending case and drops the worker. */
  private adopt(worker: SandboxWorker): void {
    worker.worker.on('exit', () => {
      const cause = worker.deathCause ?? (worker.exitCalled !== undefined ? `the adapter called process.exit(${worker.exitCalled})` : 'the sandbox exited');
      const pending = worker.pending;
      worker.pending = undefined;
      if (this.current === worker) this.current = undefined;
      if (pending) pending.die(describeDeath(cause, worker.exitCalled));
    });
  }

  private async worker(): Promise<SandboxWorker | string> {
    if (this.current && !this.current.exited && !this.current.dying) return this.current;
    if (this.consecutiveDeaths >= MAX_CONSECUTIVE_DEATHS) {
      return `the sandbox died ${this.consecutiveDeaths} times in a row and is not restarted${this.lastLoadProblem ? ` (${this.lastLoadProblem})` : ''}`;
    }
    const fresh = new SandboxWorker(
      this.start,
      this.options.maxHeapMb,
      () => {},
      this.options.output,
      this.nonce,
      (breach) => this.breaches.push(breach),
    );
    const loaded = await Sandbox.awaitLoad(fresh, this.options.loadTimeoutMs);
    if (loaded.type !== 'ready') {
      void fresh.worker.terminate();
      this.consecutiveDeaths += 1;
      this.lastLoadProblem = loaded.type === 'load-error' || loaded.type === 'load-fault' ? loaded.message : 'unexpected message';
      return `a fresh sandbox could not be started: ${this.lastLoadProblem}`;
    }
    this.adopt(fresh);
    this.current = fresh;
    return fresh;
  }

  async execute(c: Case, options: { caseTimeoutMs?: number } = {}): Promise<ExecutionRecord> {
    const worker = await this.worker();
    if (typeof worker === 'string') return deathRecord(worker);
    const caseTimeoutMs = options.caseTimeoutMs ?? this.options.caseTimeoutMs;
    const seq = ++this.seq;
    const breachesBefore = this.breaches.length;
    const answered = await new Promise<ExecutionRecord>((resolve) => {
      // The worker bounds the call itself; this bound is for a worker that cannot run at all
      // (a synchronous busy loop), and ends it.
      const limit = caseTimeoutMs + this.options.watchdogGraceMs;
      const watchdog = setTimeout(() => {
        if (worker.pending?.seq !== seq) return;
        worker.pending = undefined;
        worker.kill(`the sandbox stopped answering for ${limit} ms and was terminated`);
        resolve({
          requests: [],
          outcome: { kind: 'unsettled', afterMs: limit, detail: `the sandbox stopped answering for ${limit} ms (a synchronous loop?) and was terminated` },
        });
      }, limit);
      worker.pending = {
        seq,
        startedAt: performance.now(),
        resolve: (value) => {
          clearTimeout(watchdog);
          // The requests judged are those the harness saw, not those the record lists.
          const checked = withWitnessedRequests(value as ExecutionRecord, worker.witnessed.get(seq) ?? { during: [], late: [] });
          if (checked.breach) this.breaches.push(checked.breach);
          resolve(checked.record);
        },
        die: (crash) => {
          clearTimeout(watchdog);
          resolve(deathRecord(crash));
        },
      };
      worker.post({ type: 'case', seq, case: c, caseTimeoutMs });
    });
    worker.witnessed.delete(seq);
    if (worker.exited || worker.deathCause) this.consecutiveDeaths += 1;
    else this.consecutiveDeaths = 0;
    const breached = this.breaches.slice(breachesBefore);
    return breached.length > 0 ? { ...answered, faults: [...(answered.faults ?? []), ...breached.map((b) => `broke the sandbox's channel: ${b}`)] } : answered;
  }

  /** Runs a call sequence on the worker's one adapter object (decisions/0016); a dead or stuck worker becomes the record's problem. */
  async executeSequence(sequence: CallSequence, options: { caseTimeoutMs?: number } = {}): Promise<SequenceRecord> {
    const worker = await this.worker();
    const failed = (problem: string): SequenceRecord => ({ calls: [], unattributed: [], misrouted: [], problem });
    if (typeof worker === 'string') return failed(worker);
    const caseTimeoutMs = options.caseTimeoutMs ?? this.options.caseTimeoutMs;
    const seq = ++this.seq;
    const breachesBefore = this.breaches.length;
    const record = await new Promise<SequenceRecord>((resolve) => {
      const limit = caseTimeoutMs + this.options.watchdogGraceMs;
      const watchdog = setTimeout(() => {
        if (worker.pending?.seq !== seq) return;
        worker.pending = undefined;
        worker.kill(`the sandbox stopped answering for ${limit} ms and was terminated`);
        resolve(failed(`the sandbox stopped answering for ${limit} ms (a synchronous loop?) and was terminated`));
      }, limit);
      worker.pending = {
        seq,
        startedAt: performance.now(),
        resolve: (value) => {
          clearTimeout(watchdog);
          const breach = checkSequenceRequests(value as SequenceRecord, worker.witnessed.get(seq) ?? { during: [], late: [] });
          if (breach) this.breaches.push(breach);
          resolve(value as SequenceRecord);
        },
        die: (crash) => {
          clearTimeout(watchdog);
          resolve(failed(crash));
        },
      };
      worker.post({ type: 'sequence', seq, sequence, caseTimeoutMs });
    });
    worker.witnessed.delete(seq);
    if (worker.exited || worker.deathCause) this.consecutiveDeaths += 1;
    else this.consecutiveDeaths = 0;
    const breached = this.breaches.slice(breachesBefore);
    if (breached.length === 0) return record;
    const problem = `the sandbox's channel was broken: ${breached.join('; ')}`;
    return { ...record, problem: record.problem === undefined ? problem : `${record.problem}; ${problem}` };
  }

  /** Closes the adapter; a problem (close() threw, hung, or the sandbox died) is returned, not thrown. */
  async close(): Promise<string | undefined> {
    const worker = this.current;
    let problem: string | undefined;
    if (worker && !worker.exited && !worker.dying) {
      problem = await worker.close(this.options.closeTimeoutMs);
      if (!worker.exited) void worker.worker.terminate();
    }
    // A breach of the channel fails the run, whatever the cases said (decisions/0021).
    if (this.breaches.length === 0) return problem;
    return problem === undefined ? breachProblem(this.breaches) : `${problem}; ${breachProblem(this.breaches)}`;
  }
}

/** The run's breaches, each kind once with how often it came. */
function breachProblem(breaches: readonly string[]): string {
  const counted = new Map<string, number>();
  for (const breach of breaches) counted.set(breach, (counted.get(breach) ?? 0) + 1);
  const kinds = [...counted].map(([breach, count]) => (count > 1 ? `${breach} (${count} times)` : breach));
  const shown = kinds.slice(0, 5).join('; ');
  return `the sandbox's channel was broken, so no verdict of this run can be trusted: ${shown}${kinds.length > 5 ? `; and ${kinds.length - 5} more kinds` : ''}`;
}

function describeDeath(cause: string, exitCalled: string | undefined): string {
  if (exitCalled !== undefined) return `the adapter called process.exit(${exitCalled}) during the call`;
  if (/ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(cause)) return `the call ran the sandbox out of memory (${cause})`;
  return `${cause} during the call`;
}

function deathRecord(crash: string): ExecutionRecord {
  return { requests: [], outcome: { kind: 'rejected', error: { name: 'SandboxExit', message: crash, hasMetadata: false, crash } } };
}
