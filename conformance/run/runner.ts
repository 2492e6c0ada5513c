import { setupServer } from 'msw/node';
import { type Adapter, resolveCapabilities } from '../adapters/contract.ts';
import { AdapterLoadError, isOutOfProcess, loadAdapter, OUT_OF_PROCESS_BUILT_INS } from '../adapters/load.ts';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Case } from '../fixtures/case.ts';
import type { Fixture } from '../fixtures/types.ts';
import type { Verdict } from '../judging/check.ts';
import { endpointShape, endpointShapeFor, placeEndpoint, plainEndpoint, shapeOfEndpoint } from '../model/endpoints.ts';
import type { SequenceDefinition } from '../properties/call-sequence.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import { cleanAdapterText, describeThrown, redactAndClean, redactAndCleanLines, safeString } from '../redaction/adapter-text.ts';
import { cleanStructure, cleanVerdicts } from '../redaction/clean-verdict.ts';
import { redactedCrash } from '../redaction/crash.ts';
import { redactorFor, SENSITIVE_MEMBERS, SensitiveValues, sensitiveMembersOfBody, sensitiveValuesFor } from '../redaction/redact.ts';
import { ruleById } from '../rules/registry.ts';
import { Sandbox, type SandboxOptions } from '../sandbox/sandbox.ts';
import { FakeService, serveOnLoopback } from '../wire/fake-service.ts';
import type { LoopbackServer } from '../wire/loopback-server.ts';
import { clientExchanges, ExchangeRedactor, keepExchanges } from './captured-exchange.ts';
import { virtualTimeSpentMs, WAITS_ON_NOTHING } from './clock.ts';
import { MAX_CRASH_STACK_CHARS, userStack } from './crash-stack.ts';
import { describeSequence } from './describe-sequence.ts';
import { executeSequence, type SequenceExecutor } from './execute-sequence.ts';
import { classify, type Expectation } from './expectations.ts';
import type { FailureRecorder } from './failures-file.ts';
import { runGenerated, timeAndShrinkLimit } from './generated-run.ts';
import { judgeSequence } from './judge-sequence.ts';
import { describeValue, outcomeOf } from './outcome.ts';
import { replayBase, replayLine } from './replay.ts';
import type { Reporter } from './reporter.ts';
import { isFailure, type Result, type Summary } from './result.ts';
import { type CaseExecutor, type CaseResult, type RunEnvironment, runCase } from './run-case.ts';
import { summarize } from './summary.ts';

/** The module that defines the client properties, as reports name it (a file that exists). */
export const CLIENT_PROPERTIES_MODULE = 'conformance/properties/client-properties.ts';
/** The module that defines the client call sequences. */
export const CLIENT_SEQUENCES_MODULE = 'conformance/properties/call-sequences.ts';

/** The replay line of a case: a fixture's id, or a property's id with the seed and shrink path of its failure. */
export type ReplayFormat = (caseId: string, generated?: { seed: number; path?: string | undefined; commandsPath?: string | undefined }) => string;

/** A fixture with the file it came from. */
export type FixtureWithFile = Fixture & { file: string };

export interface SuiteOptions {
  /** The client as an object: runs in this thread (the programmatic API). Give this or `adapterModule`. */
  adapter?: Adapter;
  /**
   * The client as a module (`--adapter`: a built-in name or a path): an in-process adapter is
   * loaded and run in a sandbox (a worker thread with its own msw, fake clock and network
   * guard); a process adapter is loaded here. Load errors throw AdapterLoadError.
   */
  adapterModule?: string;
  /** Bounds of the sandbox (load, close, heap); defaults in conformance/sandbox/sandbox.ts. */
  sandbox?: Pick<SandboxOptions, 'loadTimeoutMs' | 'closeTimeoutMs' | 'watchdogGraceMs' | 'maxHeapMb' | 'cwd'>;
  /** The flags that name the client again in replay lines, e.g. `--adapter aws-sdk-v3`. */
  adapterFlags: string;
  fixtures: readonly FixtureWithFile[];
  properties: readonly PropertyDefinition[];
  /** Generated sequences of calls on one adapter object (conformance/properties/call-sequences.ts); none when absent. */
  sequences?: readonly SequenceDefinition[];
  strict: boolean;
  seed: number;
  /** Runs per property; undefined: each property's own default. */
  runs?: number;
  /** fast-check replay path, used with a single --filter'ed property. */
  replayPath?: string;
  expectations: readonly Expectation[];
  region: string;
  caseTimeoutMs: number;
  /** Real time an adapter module (and so its sandbox's load and close) or a client process may take to start (--start-timeout). */
  startTimeoutMs?: number;
  redact: boolean;
  /** In-process: fake the clock and offer the direct fetch. Out-of-process adapters get real time. Ignored with `adapterModule`. */
  inProcess?: boolean;
  /** False for a client built against a revision of the model that signed the call. */
  unsignedRequired?: boolean;
  /** Extra words for replay lines (e.g. --expectations x). */
  replayFlags?: string;
  /** How replay lines read; default the CLI command (`npm run conformance -- ... --filter <id>`). */
  replayFormat?: ReplayFormat;
  reporters: readonly Reporter[];
  /** Bounds on each property's time and shrinking; unset fields take {@link DEFAULT_PROPERTY_BUDGET}'s. */
  budget?: Partial<PropertyBudget>;
  /** Keeps each failure in the failures file and gives it a short replay line (the CLI's). */
  failures?: FailureRecorder;
  /**
   * Every case's sensitive values seen so far in the run (given, and sent when a case failed):
   * the redaction of what cannot be attributed to one case, such as crash messages, a client's
   * stderr and console output. Filled by the run; pass one to redact with it afterwards.
   */
  sensitive?: SensitiveValues;
}

/** The adapter's name as reports show it: read once, safely, and made safe to show. */
function implementationName(adapter: Adapter): string {
  try {
    return cleanAdapterText(adapter.name, 200);
  } catch {
    return '(an adapter whose name cannot be read)';
  }
}

/**
 * The end of a client's stderr and the restart log, redacted again against every case's values:
 * a line is read when it arrives, which may be after the case that wrote it.
 */
function diagnosticLines(lines: readonly string[], seen: SensitiveValues): string[] {
  // Redacted as one text: a value the client printed a few characters per line is found.
  return redactAndCleanLines(
    lines.slice(-40).map((line) => safeString(line)),
    (shown) => seen.redactLines(shown),
  );
}

/** How long one property may take, whatever the client does. */
export interface PropertyBudget {
  /** Real milliseconds its runs may take; past it the remaining runs are skipped and counted. */
  runMs: number;
  /** Cases tried while shrinking a failure; past it the smallest failure so far is reported. */
  shrinkSteps: number;
  /** Real milliseconds shrinking may take. */
  shrinkMs: number;
}

/**
 * A passing in-process property takes well under a second; a process client at a second per
 * call (the AWS CLI) is held to ten per property, and a failing one to a hundred shrink steps
 * or two seconds of shrinking, whichever comes first.
 */
export const DEFAULT_PROPERTY_BUDGET: PropertyBudget = { runMs: 10_000, shrinkSteps: 100, shrinkMs: 2_000 };

/**
 * After a call has hung for the whole case timeout, every later in-process call of the run gets
 * this leash (a correct call under the fake clock takes a few milliseconds).
 */
const LEASH_AFTER_A_HANG_MS = 100;
/** A process client's calls are real round trips: after a hang, only its shrink steps get a leash, and a longer one. */
const PROCESS_SHRINK_LEASH_AFTER_A_HANG_MS = 250;

/** The time counters of a run, read before and after each case or property. */
interface Clocks {
  clientMs: number;
  /** Calls the adapter object has been given so far (a sequence's report says how many came before it). */
  calls: number;
  /** Calls under way, by when they started: a hanging call never ends on its own. */
  inFlight: Map<symbol, number>;
}

/** Once a case is over, a call still under way is one the harness gave up on: its time so far is the client's. */
function countAbandoned(clocks: Clocks): void {
  const now = performance.now();
  for (const since of clocks.inFlight.values()) clocks.clientMs += now - since;
  clocks.inFlight.clear();
}

export function fixtureToCase(fixture: FixtureWithFile): Case {
  return {
    id: fixture.id,
    documentation: fixture.documentation,
    level: fixture.level,
    tags: fixture.tags,
    params: fixture.params,
    ...(fixture.endpoint !== undefined ? { endpoint: shapeOfEndpoint(fixture.endpoint) } : {}),
    request: fixture.request,
    response: fixture.response,
    expect: fixture.expect,
    origin: { kind: 'fixture', file: fixture.file },
  };
}

/** The client as the run sees it: where its cases execute, and how it ends. */
type Subject =
  | { kind: 'in-thread'; adapter: Adapter; inProcess: boolean }
  | { kind: 'sandbox'; adapter: Adapter; sandbox: Sandbox; gate: Adapter; closeProblem: () => string | undefined }
  | { kind: 'load-failed'; name: string; problem: string };

/** What the sandbox gate is called with: no call of the client, only a question to the guard around it. */
const GATE_INPUT = { Token: '', ClientId: '' } as Parameters<Adapter['revokeToken']>[0];

async function prepareSubject(options: SessionOptions, seen: SensitiveValues): Promise<Subject> {
  if (options.adapter) return { kind: 'in-thread', adapter: options.adapter, inProcess: options.inProcess ?? !isOutOfProcess(options.adapter) };
  const spec = options.adapterModule;
  if (spec === undefined) throw new TypeError('runSuite: give adapter or adapterModule');
  const guard = options.guardAdapter ?? ((adapter: Adapter) => adapter);
  const factoryOptions = {
    caseTimeoutMs: options.caseTimeoutMs,
    region: options.region,
    ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
  };
  if (!OUT_OF_PROCESS_BUILT_INS.has(spec)) {
    const started = await Sandbox.start({
      spec,
      caseTimeoutMs: options.caseTimeoutMs,
      region: options.region,
      // --start-timeout bounds the adapter's start (its module and its factory, each) and its close in the worker.
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs, closeTimeoutMs: options.startTimeoutMs } : {}),
      ...options.sandbox,
      // The worker's console output may quote a token of any case so far: redacted and cleaned first.
      output: (lines, at) => redactAndCleanLines(lines, (shown) => seen.redactLines(shown))[at]!,
    });
    if (started.kind === 'load-failed') return { kind: 'load-failed', name: spec, problem: started.problem };
    if (started.kind === 'ready') {
      const { sandbox } = started;
      let closeProblem: string | undefined;
      // The adapter lives in the sandbox. This facade is what guards (the CLI's run watchdog) wrap:
      // each case first calls its revokeToken, which asks nothing of the client and only lets the
      // guard refuse the case; its close() closes the sandbox.
      const facade: Adapter = {
        name: sandbox.name,
        ...(sandbox.capabilities ? { capabilities: sandbox.capabilities } : {}),
        revokeToken: () => Promise.resolve({}),
        // A problem is thrown as well as kept, so a guard around the facade sees it as its own.
        close: async () => {
          closeProblem = await sandbox.close();
          if (closeProblem !== undefined) throw new Error(closeProblem);
        },
      };
      return { kind: 'sandbox', adapter: facade, sandbox, gate: guard(facade), closeProblem: () => closeProblem };
    }
  }
  const { adapter } = await loadAdapter(spec, factoryOptions, options.sandbox?.cwd);
  return { kind: 'in-thread', adapter: guard(adapter), inProcess: !isOutOfProcess(adapter) };
}

/** The sandbox's cases, each let through the gate first and timed as the client's own. */
function gatedExecutor(subject: Extract<Subject, { kind: 'sandbox' }>, clocks: Clocks): CaseExecutor & SequenceExecutor {
  return {
    async execute(c, options) {
      try {
        await subject.gate.revokeToken(GATE_INPUT, { endpoint: '', region: '' });
      } catch (error) {
        return { requests: [], outcome: outcomeOf({ kind: 'rejected', error }) };
      }
      const began = performance.now();
      clocks.calls += 1;
      try {
        return await subject.sandbox.execute(c, options);
      } finally {
        clocks.clientMs += performance.now() - began;
      }
    },
    async executeSequence(sequence, options) {
      try {
        await subject.gate.revokeToken(GATE_INPUT, { endpoint: '', region: '' });
      } catch (error) {
        return { calls: [], unattributed: [], misrouted: [], problem: describeValue(error instanceof Error ? error.message : error) };
      }
      const began = performance.now();
      clocks.calls += sequence.calls.length;
      try {
        return await subject.sandbox.executeSequence(sequence, options);
      } finally {
        clocks.clientMs += performance.now() - began;
      }
    },
  };
}

/** The real time an in-thread adapter's close() may take before the run reports it as hanging. */
const IN_THREAD_CLOSE_TIMEOUT_MS = 5_000;

async function closeInThread(adapter: Adapter): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const closing = Promise.resolve().then(() => adapter.close?.());
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`close() did not settle within ${IN_THREAD_CLOSE_TIMEOUT_MS} ms`), IN_THREAD_CLOSE_TIMEOUT_MS);
      timer.unref?.();
    });
    return await Promise.race([closing.then(() => undefined), timeout]);
  } catch (error) {
    return `close() threw: ${describeValue(error instanceof Error ? error.message : error)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** A failure of the run itself (the adapter could not load, or close): one failing result, so the report says so. */
function runFailure(id: string, origin: string, problem: string, replay: string): Result {
  const verdict: Verdict = {
    check: 'A5',
    title: ruleById('A5').title,
    level: 'must',
    status: 'fail',
    expected: `the adapter ${id === 'adapter-load' ? 'loads' : 'closes'} cleanly`,
    actual: problem,
  };
  return { id, kind: 'fixture', level: 'must', origin, verdicts: [verdict], classified: { kind: 'fail', failures: [verdict] }, replay, warnings: [] };
}

/** What a session needs: the suite's options without the cases, the reporters and the failures file. */
export type SessionOptions = Omit<SuiteOptions, 'fixtures' | 'properties' | 'sequences' | 'reporters' | 'failures'> & {
  /** Wraps the adapter loaded from `adapterModule` (or its sandbox's facade) before any case runs: the CLI's run watchdog. */
  guardAdapter?: (adapter: Adapter) => Adapter;
};

/**
 * One adapter set up for a run: the fake service listening (msw, and loopback for clients in
 * other processes), ready to run cases one at a time in any order. runSuite runs every case
 * through one session; the vitest integration opens one in beforeAll and runs a case per test.
 */
export interface SuiteSession {
  readonly env: RunEnvironment;
  /** The adapter's name as reports show it. */
  readonly implementation: string;
  /** Every sensitive value the session's cases have given or sent so far. */
  readonly sensitive: SensitiveValues;
  runFixture(fixture: FixtureWithFile): Promise<Result>;
  runProperty(property: PropertyDefinition): Promise<Result>;
  runSequence(sequence: SequenceDefinition): Promise<Result>;
  /** Real milliseconds spent inside the client's own calls so far in this session. */
  clientMs(): number;
  /** Stops the fake service and closes the adapter; returns the adapter's diagnostics, if any. */
  close(): Promise<{ stderr: string[]; events: string[] } | undefined>;
  /** What went wrong closing the adapter (threw, hung, its sandbox died), once closed. */
  closeProblem(): string | undefined;
}

/**
 * Sets the fake service up for one adapter. The caller must close the session. An adapter
 * module that cannot load in its sandbox throws AdapterLoadError; runSuite reports it instead.
 */
export async function openSession(options: SessionOptions, prepared?: PreparedSubject): Promise<SuiteSession> {
  const seen = prepared?.seen ?? options.sensitive ?? new SensitiveValues(options.redact);
  const subject = prepared?.subject ?? (await prepareSubject(options, seen));
  if (subject.kind === 'load-failed') throw new AdapterLoadError(`--adapter ${subject.name}: ${subject.problem}`);
  const inProcess = subject.kind === 'sandbox' || subject.inProcess;
  options = { ...options, inProcess };
  const capabilities = resolveCapabilities(subject.adapter);
  const service = new FakeService('intercepted');
  // Nothing may reach the network: an unmatched request is an error, not a pass-through. A
  // sandboxed adapter has its own interception, inside its worker.
  const server = subject.kind === 'in-thread' ? setupServer(service.handler) : undefined;
  server?.listen({ onUnhandledRequest: 'error' });
  // Out-of-process clients cannot be intercepted: they get the same handler on a real socket.
  let loopback: LoopbackServer | undefined;
  try {
    loopback = inProcess ? undefined : await serveOnLoopback(service, options.region);
  } catch (error) {
    server?.close();
    throw error;
  }
  const clocks: Clocks = { clientMs: 0, calls: 0, inFlight: new Map() };
  const adapter = subject.adapter;
  const implementation = implementationName(adapter);
  // The time inside the client's own calls, so the summary can say where a run's time went.
  const timedAdapter = {
    name: implementation,
    ...(adapter.capabilities ? { capabilities: adapter.capabilities } : {}),
    revokeToken: async (...args: Parameters<Adapter['revokeToken']>) => {
      clocks.calls += 1;
      const call = Symbol('call');
      clocks.inFlight.set(call, performance.now());
      try {
        return await adapter.revokeToken(...args);
      } finally {
        const since = clocks.inFlight.get(call);
        if (since !== undefined) clocks.clientMs += performance.now() - since;
        clocks.inFlight.delete(call);
      }
    },
  } satisfies Adapter;
  const sandboxExecutor = subject.kind === 'sandbox' ? gatedExecutor(subject, clocks) : undefined;
  const env: RunEnvironment = {
    adapter: timedAdapter,
    capabilities,
    service,
    // The world of a case that draws none: the plain regional endpoint, or the loopback socket.
    endpoint: loopback?.url ?? placeEndpoint(plainEndpoint(options.region)).endpoint,
    region: options.region,
    endpointOnLoopback: loopback !== undefined,
    checks: CLIENT_CHECKS,
    fakeTime: inProcess,
    // A process adapter times its child out at caseTimeoutMs and restarts it; the harness waits a
    // little longer so that restart happens before the next case.
    caseTimeoutMs: inProcess ? options.caseTimeoutMs : options.caseTimeoutMs + 1_000,
    offerDirectFetch: inProcess,
    unsignedRequired: options.unsignedRequired,
    ...(sandboxExecutor ? { executor: sandboxExecutor } : {}),
    sensitive: seen,
  };
  const counted = (v: Verdict) => v.level === 'must' || options.strict;
  const base = replayBase([options.adapterFlags, options.replayFlags, options.strict && '--strict']);
  const replay: ReplayFormat = options.replayFormat ?? ((caseId, generated) => replayLine(base, caseId, generated));
  // Rules that already have a shrunk counterexample in this session, and which property has it:
  // a later property failing only those is not shrunk again. A fixture is no shrunk
  // counterexample (which rule a fault shows under depends on the case, and shrinking finds the
  // telling one), except for a hang: every step of shrinking one waits out a leash, and the
  // cause is the hang.
  const counterexamples = new Map<string, string>();
  const noteCounterexample = (result: Result, rules = result.classified.kind === 'fail' ? result.classified.failures.map((v) => v.check) : []) => {
    for (const rule of rules) if (!counterexamples.has(rule)) counterexamples.set(rule, result.id);
  };
  // A client that hung once for the whole timeout would make every later case wait as long.
  let caseEnv = env;
  const leashAfterHang = (outcome: CaseResult) => {
    countAbandoned(clocks);
    // A call found waiting on nothing was judged in moments: only a call that used up the timeout earns the leash.
    if (options.inProcess && outcome.outcome?.kind === 'unsettled' && outcome.outcome.detail !== WAITS_ON_NOTHING && caseEnv === env) {
      caseEnv = { ...env, caseTimeoutMs: Math.min(env.caseTimeoutMs, LEASH_AFTER_A_HANG_MS) };
    }
  };
  let closed = false;
  let closeProblem: string | undefined;
  return {
    env,
    implementation,
    sensitive: seen,
    async runFixture(fixture) {
      seen.addMembersOf(fixture.params);
      // Each fixture is sent to its own endpoint, drawn from its id and the run's seed (so a replay sends it there again).
      const c = fixtureToCase(fixture);
      const outcome = await runCase({ ...c, endpoint: c.endpoint ?? endpointShapeFor(fixture.id, options.seed) }, caseEnv);
      seen.add(...outcome.sentSensitive);
      leashAfterHang(outcome);
      const result = toResult(outcome, {
        kind: 'fixture',
        origin: fixture.file,
        // The seed too: it draws the fixture's endpoint, so the replay sends the call to the same place.
        replay: replay(fixture.id, { seed: options.seed }),
        expectations: options.expectations,
        counted,
        redact: options.redact,
        cwd: options.sandbox?.cwd ?? process.cwd(),
        seen,
      });
      if (outcome.outcome?.kind === 'unsettled' && result.classified.kind === 'fail') noteCounterexample(result, ['A4']);
      return result;
    },
    async runProperty(property) {
      const began = { wall: performance.now(), client: clocks.clientMs, virtual: virtualTimeSpentMs() };
      const run: PropertyRun = { env: caseEnv, counterexamples, onOutcome: leashAfterHang };
      const result = await runProperty(property, run, options, counted, replay);
      caseEnv = run.env;
      const clientMs = clocks.clientMs - began.client;
      noteCounterexample(result);
      return {
        ...result,
        timing: {
          clientMs: Math.round(clientMs),
          harnessMs: Math.round(performance.now() - began.wall - clientMs),
          backoffMs: Math.round(virtualTimeSpentMs() - began.virtual),
        },
      };
    },
    async runSequence(definition) {
      const began = { wall: performance.now(), client: clocks.clientMs, virtual: virtualTimeSpentMs() };
      const run: PropertyRun = { env: caseEnv, counterexamples, onOutcome: leashAfterHang };
      const result = await runSequenceFamily(definition, run, options, counted, replay, clocks, sandboxExecutor);
      caseEnv = run.env;
      const clientMs = clocks.clientMs - began.client;
      noteCounterexample(result);
      return {
        ...result,
        timing: {
          clientMs: Math.round(clientMs),
          harnessMs: Math.round(performance.now() - began.wall - clientMs),
          backoffMs: Math.round(virtualTimeSpentMs() - began.virtual),
        },
      };
    },
    clientMs: () => clocks.clientMs,
    async close() {
      if (closed) return undefined;
      closed = true;
      try {
        return (adapter as { diagnostics?: () => { stderr: string[]; events: string[] } }).diagnostics?.();
      } finally {
        server?.close();
        await loopback?.close();
        if (subject.kind === 'sandbox') {
          await Promise.resolve(subject.gate.close?.()).catch(() => undefined);
          closeProblem = subject.closeProblem();
        } else {
          closeProblem = await closeInThread(adapter);
        }
      }
    },
    closeProblem: () => closeProblem,
  };
}

/** A subject prepared before the session opens, so that runSuite can report one that failed to load. */
interface PreparedSubject {
  subject: Subject;
  seen: SensitiveValues;
}

/** Runs the fixtures and properties against one adapter and reports as it goes. */
export async function runSuite(options: SuiteOptions & Pick<SessionOptions, 'guardAdapter'>): Promise<{ summary: Summary; results: Result[] }> {
  const started = performance.now();
  const virtualAtStart = virtualTimeSpentMs();
  const base = replayBase([options.adapterFlags, options.replayFlags, options.strict && '--strict']);
  const total = options.fixtures.length + options.properties.length + (options.sequences?.length ?? 0);
  const seen = options.sensitive ?? new SensitiveValues(options.redact);
  const subject = await prepareSubject(options, seen);
  if (subject.kind === 'load-failed') {
    const name = cleanAdapterText(subject.name, 200);
    for (const reporter of options.reporters) reporter.onStart?.({ implementation: name, total });
    const failed = runFailure(
      'adapter-load',
      name,
      redactAndClean(subject.problem, (text) => seen.redact(text)),
      base,
    );
    for (const reporter of options.reporters) reporter.onResult(failed);
    const summary = summarize([failed], { implementation: name, strict: options.strict, seed: options.seed, startedAt: started });
    for (const reporter of options.reporters) await reporter.onEnd(summary, [failed]);
    return { summary, results: [failed] };
  }
  const session = await openSession(options, { subject, seen });
  const results: Result[] = [];
  const { implementation } = session;
  for (const reporter of options.reporters) reporter.onStart?.({ implementation, total });
  let diagnostics: { stderr: string[]; events: string[] } | undefined;
  // Cases run one after another: a case's time is the time since the previous one was emitted.
  let caseStarted = performance.now();
  const emit = (untimed: Result) => {
    const result: Result = { ...untimed, durationMs: Math.round(performance.now() - caseStarted) };
    const kept = options.failures && (isFailure(result) || result.warnings.length > 0) ? { ...result, replay: options.failures.record(result.replay) } : result;
    results.push(kept);
    for (const reporter of options.reporters) reporter.onResult(kept);
    caseStarted = performance.now();
  };

  try {
    for (const fixture of options.fixtures) emit(await session.runFixture(fixture));
    for (const property of options.properties) emit(await session.runProperty(property));
    for (const sequence of options.sequences ?? []) emit(await session.runSequence(sequence));
  } catch (error) {
    throw redactedCrash(error, session.sensitive);
  } finally {
    diagnostics = await session.close();
  }
  const closeProblem = session.closeProblem();
  if (closeProblem !== undefined) {
    // A failure of the run, not of a case: no case to replay, so it is not kept in the failures file.
    const failed = runFailure(
      'adapter-close',
      options.adapterModule ?? implementation,
      redactAndClean(closeProblem, (text) => session.sensitive.redact(text)),
      base,
    );
    results.push(failed);
    for (const reporter of options.reporters) reporter.onResult(failed);
  }

  const clientMs = session.clientMs();
  const summarized = summarize(results, { implementation, strict: options.strict, seed: options.seed, startedAt: started });
  const summary: Summary = {
    ...summarized,
    timing: {
      clientMs: Math.round(clientMs),
      harnessMs: Math.max(0, Math.round(summarized.durationMs - clientMs)),
      backoffMs: Math.round(virtualTimeSpentMs() - virtualAtStart),
    },
    ...(diagnostics
      ? { diagnostics: { stderr: diagnosticLines(diagnostics.stderr, session.sensitive), events: diagnosticLines(diagnostics.events, session.sensitive) } }
      : {}),
  };
  for (const reporter of options.reporters) await reporter.onEnd(summary, results);
  return { summary, results };
}

interface ResultContext {
  kind: Result['kind'];
  origin: string;
  replay: string;
  expectations: readonly Expectation[];
  counted: (v: Verdict) => boolean;
  redact: boolean;
  /** Where the run started: a crash stack's paths are shown relative to it. */
  cwd: string;
  /** Every sensitive value of the run so far: a crash stack may quote another case's. */
  seen?: SensitiveValues;
}

/** Redacted, long values shortened, adapter text made safe: what every reporter receives. */
function redactVerdicts(verdicts: readonly Verdict[], redact: (text: string) => string): Verdict[] {
  return cleanVerdicts(verdicts, redact);
}

function toResult(outcome: CaseResult, context: ResultContext, id = outcome.case.id): Result {
  const redact = redactorFor(outcome.case.params, context.redact, outcome.sentSensitive);
  const verdicts = redactVerdicts(outcome.verdicts, redact);
  const base = {
    id,
    kind: context.kind,
    level: outcome.case.level,
    documentation: outcome.case.documentation,
    tags: outcome.case.tags,
    origin: context.origin,
    verdicts,
    replay: context.replay,
    warnings: verdicts.filter((v) => v.status === 'fail' && !context.counted(v)),
  };
  if (outcome.status === 'not-applicable') return { ...base, classified: { kind: 'not-applicable', reason: outcome.reason ?? '' } };
  return {
    ...base,
    ...exchangesOf(outcome, context.redact),
    ...crashStackOf(outcome, redact, context),
    classified: classify(id, verdicts, context.expectations, context.counted),
  };
}

/** A failing case's crash stack: the user's frames only, redacted like its verdicts (and with the run's other values), capped. */
function crashStackOf(outcome: CaseResult, redact: (text: string) => string, context: Pick<ResultContext, 'cwd' | 'seen'>): Pick<Result, 'crashStack'> {
  if (outcome.crashStack === undefined) return {};
  const trimmed = userStack(outcome.crashStack, { cwd: context.cwd });
  if (trimmed === undefined) return {};
  const redactAll = (text: string) => (context.seen ? context.seen.redact(redact(text)) : redact(text));
  return { crashStack: redactAndClean(trimmed, redactAll, MAX_CRASH_STACK_CHARS) };
}

/** The captured exchanges of a failing case, redacted with the values its verdicts are redacted with. */
function exchangesOf(outcome: CaseResult, redact: boolean): Pick<Result, 'exchanges'> {
  if (!outcome.failedRequests) return {};
  const redactor = new ExchangeRedactor({
    enabled: redact,
    values: [...SENSITIVE_MEMBERS.map((m) => (outcome.case.params as Record<string, unknown>)[m]), ...outcome.sentSensitive],
  });
  const exchanges = keepExchanges(clientExchanges(outcome.failedRequests, outcome.case.response), redactor);
  return exchanges ? { exchanges } : {};
}

/** What one property shares with the rest of its run. */
interface PropertyRun {
  /** The environment its cases run in; the property shortens the leash after a hang, for the rest of the run too. */
  env: RunEnvironment;
  /** Rules with a counterexample already, and the case that has it. */
  counterexamples: ReadonlyMap<string, string>;
  onOutcome: (outcome: CaseResult) => void;
}

/** The report of a generated case whose run failed without a counterexample: the predicate threw, or fast-check was interrupted. */
function crashedRun(cause: unknown, what: string, seen: SensitiveValues | undefined): Verdict {
  return {
    check: 'A4',
    title: 'the call completes without crashing the harness',
    level: 'must',
    status: 'fail',
    expected: 'no exception',
    actual: cause === undefined ? `the ${what} run was interrupted` : redactAndClean(describeThrown(cause), (text) => seen?.redact(text) ?? text),
  };
}

async function runProperty(
  property: PropertyDefinition,
  run: PropertyRun,
  options: SessionOptions,
  counted: (v: Verdict) => boolean,
  replay: ReplayFormat,
): Promise<Result> {
  const env = run.env;
  const replayFor = (seed: number, path?: string) => replay(property.id, { seed, path });
  const result = (rest: Pick<Result, 'classified' | 'verdicts' | 'replay'> & Partial<Result>): Result => ({
    id: property.id,
    kind: 'property',
    level: property.level,
    documentation: property.title,
    tags: property.tags,
    // Every client property is defined in one module; the id finds it there.
    origin: `${CLIENT_PROPERTIES_MODULE}#${property.id}`,
    warnings: [],
    ...rest,
  });
  const notApplicable = property.notApplicable?.(env.capabilities);
  if (notApplicable) {
    return result({ classified: { kind: 'not-applicable', reason: notApplicable }, verdicts: [], replay: replay(property.id), runs: 0 });
  }
  const expected = options.expectations.filter((e) => e.case === property.id);
  // Once a generated case has hung, shrinking will try many more that hang the same way: each
  // is given a short leash so a hanging client costs seconds, not minutes, to shrink.
  let caseEnv = env;
  const outcome = await runGenerated({
    // Every property's cases also draw where the call goes: shrinking ends at the plain endpoint unless the endpoint is the cause.
    arbitraries: [property.cases(env.capabilities), endpointShape()],
    run: async (generated, endpoint) => {
      const c: Case = { ...generated, endpoint, origin: { kind: 'property', property: property.id, seed: options.seed, path: '' } };
      env.sensitive?.addMembersOf(c.params);
      const ran = await runCase(c, caseEnv);
      env.sensitive?.add(...ran.sentSensitive);
      run.onOutcome(ran);
      if (ran.outcome?.kind === 'unsettled' && ran.outcome.detail !== WAITS_ON_NOTHING) {
        const leash = options.inProcess ? LEASH_AFTER_A_HANG_MS : PROCESS_SHRINK_LEASH_AFTER_A_HANG_MS;
        caseEnv = { ...env, caseTimeoutMs: Math.min(env.caseTimeoutMs, leash) };
      }
      return {
        verdicts: redactVerdicts(ran.verdicts, redactorFor(c.params, options.redact, ran.sentSensitive)),
        detail: { c, ran },
        hung: ran.outcome?.kind === 'unsettled',
      };
    },
    seed: options.seed,
    numRuns: options.runs ?? property.runs,
    replayPath: options.replayPath,
    limit: timeAndShrinkLimit({ ...DEFAULT_PROPERTY_BUDGET, ...options.budget }),
    isExpected: (v) => expected.some((e) => e.check === undefined || e.check === v.check),
    counted,
    counterexamples: run.counterexamples,
  });
  // The shortened leash outlives the property for in-process clients only (see LEASH_AFTER_A_HANG_MS).
  if (options.inProcess) run.env = caseEnv;
  const bounded = { runs: outcome.completedRuns, ...(outcome.stopped !== undefined ? { stopped: outcome.stopped } : {}) };
  if (outcome.failure) {
    const { c: shrunk, ran } = outcome.failure.detail;
    const c: Case = { ...shrunk, origin: { kind: 'property', property: property.id, seed: outcome.seed, path: outcome.failure.path ?? '' } };
    return result({
      verdicts: outcome.failure.verdicts,
      classified: { kind: 'fail', failures: outcome.failure.failures },
      ...bounded,
      ...exchangesOf(ran, options.redact),
      ...crashStackOf(ran, redactorFor(c.params, options.redact, ran.sentSensitive), {
        cwd: options.sandbox?.cwd ?? process.cwd(),
        ...(env.sensitive ? { seen: env.sensitive } : {}),
      }),
      counterexample: cleanStructure<Record<string, unknown>>({ ...c.params }, sensitiveValuesFor(c.params, options.redact, ran.sentSensitive)),
      replay: replayFor(outcome.seed, outcome.failure.path),
    });
  }
  if (outcome.crashed) {
    const verdict = crashedRun(outcome.crashed.cause, 'property', env.sensitive);
    return result({ verdicts: [verdict], classified: { kind: 'fail', failures: [verdict] }, ...bounded, replay: replayFor(outcome.seed) });
  }
  return result({
    verdicts: outcome.expectedFailures,
    classified: classify(property.id, outcome.expectedFailures, options.expectations, () => true),
    ...bounded,
    replay: replayFor(options.seed),
    warnings: outcome.warnings,
  });
}

/** fast-check prints a shrunk commands value with `/*replayPath="..."*\/`: what `--replay-commands` takes. */
function commandsReplayPath(commands: unknown): string | undefined {
  return /\/\*replayPath="([^"]*)"\*\//.exec(String(commands))?.[1];
}

/** A failing verdict of a whole sequence, for what belongs to no one call. */
function sequenceVerdict(rule: string, expected: string, actual: string): Verdict {
  return { check: rule, title: ruleById(rule).title, level: 'must', status: 'fail', expected, actual };
}

/**
 * Runs one family of generated call sequences (decisions/0016): each run is one sequence on the
 * session's one adapter object, judged call by call; a failure shrinks (fewer calls, simpler
 * answers) within the property budget and prints as a numbered list of calls.
 */
async function runSequenceFamily(
  definition: SequenceDefinition,
  run: PropertyRun,
  options: SessionOptions,
  counted: (v: Verdict) => boolean,
  replay: ReplayFormat,
  clocks: Clocks,
  executor: SequenceExecutor | undefined,
): Promise<Result> {
  const env = run.env;
  const result = (rest: Pick<Result, 'classified' | 'verdicts' | 'replay'> & Partial<Result>): Result => ({
    id: definition.id,
    kind: 'property',
    level: definition.level,
    documentation: definition.title,
    origin: `${CLIENT_SEQUENCES_MODULE}#${definition.id}`,
    warnings: [],
    ...rest,
  });
  const notApplicable =
    definition.notApplicable?.(env.capabilities) ??
    (options.inProcess ? undefined : 'sequences run in-process clients only: a client process (protocol 1) takes one call at a time');
  if (notApplicable) return result({ classified: { kind: 'not-applicable', reason: notApplicable }, verdicts: [], replay: replay(definition.id), runs: 0 });
  const expected = options.expectations.filter((e) => e.case === definition.id);
  let caseEnv = env;
  const origin = { kind: 'property', property: definition.id, seed: options.seed, path: '' } as const;
  // A sequence's --replay is fast-check's path, then `~` and the commands' own replay path.
  const [path, commandsPath] = options.replayPath?.split('~') ?? [];
  const outcome = await runGenerated({
    arbitraries: [definition.commands(env.capabilities, commandsPath || undefined)],
    run: async (commands) => {
      const sequence = definition.sequenceOf(commands);
      const servedBefore = clocks.calls;
      for (const input of sequence.inputs) env.sensitive?.addMembersOf(input);
      const began = performance.now();
      let record: Awaited<ReturnType<typeof executeSequence>>;
      if (executor) record = await executor.executeSequence(sequence, { caseTimeoutMs: caseEnv.caseTimeoutMs });
      else {
        // Overlapping calls would count their time twice in the timed adapter: the sequence's wall time is the client's.
        const clientBefore = clocks.clientMs;
        record = await executeSequence(sequence, caseEnv);
        clocks.clientMs = clientBefore + (performance.now() - began);
      }
      const judged = judgeSequence(definition.id, sequence, record, { ...env, origin });
      const verdicts: Verdict[] = [...judged.sequenceVerdicts];
      if (record.problem !== undefined) verdicts.push(sequenceVerdict('A5', 'the sequence runs', record.problem));
      if (record.faults && record.faults.length > 0) verdicts.push(sequenceVerdict('A5', 'nothing left behind by the calls', record.faults.join('; ')));
      if (record.networkAttempts && record.networkAttempts.length > 0) {
        verdicts.push(sequenceVerdict('A6', 'no connection beyond the suite', `tried to reach ${record.networkAttempts.join(', ')}`));
      }
      for (const call of judged.calls) {
        for (const v of call.verdicts) verdicts.push(v.status === 'fail' ? { ...v, actual: `call ${call.call + 1}: ${v.actual ?? ''}` } : v);
      }
      const sentSensitive = record.calls.flatMap((c) => (c ? c.requests.flatMap((r) => sensitiveMembersOfBody(r.body)) : []));
      env.sensitive?.add(...sentSensitive);
      if (record.calls.some((c) => c?.outcome.kind === 'unsettled' && c.outcome.detail !== WAITS_ON_NOTHING)) {
        countAbandoned(clocks);
        caseEnv = { ...env, caseTimeoutMs: Math.min(env.caseTimeoutMs, LEASH_AFTER_A_HANG_MS) };
      }
      const redact = sequenceRedactor(sequence.inputs as Array<Record<string, unknown>>, options.redact, sentSensitive);
      // State the adapter kept from earlier calls may be part of the cause: say how much came before.
      const before = `0. the adapter object had served ${servedBefore} call${servedBefore === 1 ? '' : 's'} of this run before the sequence`;
      return {
        verdicts: redactVerdicts(verdicts, redact),
        detail: () => [before, ...describeSequence(sequence)],
        hung: record.calls.some((c) => c?.outcome.kind === 'unsettled'),
      };
    },
    seed: options.seed,
    numRuns: options.runs ?? definition.runs,
    replayPath: path || undefined,
    limit: timeAndShrinkLimit({ ...DEFAULT_PROPERTY_BUDGET, ...options.budget }),
    isExpected: (v) => expected.some((e) => e.check === undefined || e.check === v.check),
    counted,
    counterexamples: run.counterexamples,
  });
  if (options.inProcess) run.env = caseEnv;
  const bounded = { runs: outcome.completedRuns, ...(outcome.stopped !== undefined ? { stopped: outcome.stopped } : {}) };
  const replayFor = (seed: number, path?: string, commandsPath?: string) =>
    replay(definition.id, { seed, path: path && commandsPath ? `${path}~${commandsPath}` : path });
  if (outcome.failure) {
    return result({
      verdicts: outcome.failure.verdicts,
      classified: { kind: 'fail', failures: outcome.failure.failures },
      ...bounded,
      calls: outcome.failure.detail(),
      replay: replayFor(outcome.seed, outcome.failure.path, commandsReplayPath(outcome.failure.values[0])),
    });
  }
  if (outcome.crashed) {
    const verdict = crashedRun(outcome.crashed.cause, 'sequence', env.sensitive);
    return result({ verdicts: [verdict], classified: { kind: 'fail', failures: [verdict] }, ...bounded, replay: replayFor(outcome.seed) });
  }
  return result({
    verdicts: outcome.expectedFailures,
    classified: classify(definition.id, outcome.expectedFailures, options.expectations, () => true),
    ...bounded,
    replay: replayFor(options.seed),
    warnings: outcome.warnings,
  });
}

/** Redacts every input of a sequence and everything its calls sent in sensitive members. */
function sequenceRedactor(inputs: ReadonlyArray<Record<string, unknown>>, enabled: boolean, sent: readonly string[]): (text: string) => string {
  const redactors = inputs.map((input, index) => redactorFor(input as Case['params'], enabled, index === 0 ? sent : []));
  if (redactors.length === 0) return redactorFor({ Token: '', ClientId: '' } as Case['params'], enabled, sent);
  return (text) => redactors.reduce((shown, redact) => redact(shown), text);
}
