import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { type Adapter, resolveCapabilities } from '../adapters/contract.ts';
import { isOutOfProcess, loadAdapter, OUT_OF_PROCESS_BUILT_INS } from '../adapters/load.ts';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Case } from '../fixtures/case.ts';
import type { Fixture } from '../fixtures/types.ts';
import type { Verdict } from '../judging/check.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import { regionalEndpoint } from '../protocol/aws-json.ts';
import { redactorFor, redactParams } from '../redaction/redact.ts';
import { ruleById } from '../rules/registry.ts';
import { Sandbox, type SandboxOptions } from '../sandbox/sandbox.ts';
import { FakeService, serveOnLoopback } from '../wire/fake-service.ts';
import type { LoopbackServer } from '../wire/loopback-server.ts';
import { classify, type Expectation } from './expectations.ts';
import { describeValue } from './outcome.ts';
import { replayBase, replayLine } from './replay.ts';
import type { Reporter } from './reporter.ts';
import type { Result, Summary } from './result.ts';
import { type CaseResult, type RunEnvironment, runCase } from './run-case.ts';
import { summarize } from './summary.ts';

/** The module that defines the client properties, as reports name it (a file that exists). */
export const CLIENT_PROPERTIES_MODULE = 'conformance/properties/client-properties.ts';

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
  strict: boolean;
  seed: number;
  /** Runs per property; undefined: each property's own default. */
  runs?: number;
  /** fast-check replay path, used with a single --filter'ed property. */
  replayPath?: string;
  expectations: readonly Expectation[];
  region: string;
  caseTimeoutMs: number;
  redact: boolean;
  /** In-process: fake the clock and offer the direct fetch. Out-of-process adapters get real time. Ignored with `adapterModule`. */
  inProcess?: boolean;
  /** False for a client built against a revision of the model that signed the call. */
  unsignedRequired?: boolean;
  /** Extra words for replay lines (e.g. --expectations x). */
  replayFlags?: string;
  reporters: readonly Reporter[];
}

export function fixtureToCase(fixture: FixtureWithFile): Case {
  return {
    id: fixture.id,
    documentation: fixture.documentation,
    level: fixture.level,
    tags: fixture.tags,
    params: fixture.params,
    request: fixture.request,
    response: fixture.response,
    expect: fixture.expect,
    origin: { kind: 'fixture', file: fixture.file },
  };
}

/** The client as the run sees it: where its cases execute, and how it ends. */
type Subject =
  | { kind: 'in-thread'; adapter: Adapter; inProcess: boolean }
  | { kind: 'sandbox'; adapter: Adapter; sandbox: Sandbox }
  | { kind: 'load-failed'; name: string; problem: string };

async function prepareSubject(options: SuiteOptions): Promise<Subject> {
  if (options.adapter) return { kind: 'in-thread', adapter: options.adapter, inProcess: options.inProcess ?? !isOutOfProcess(options.adapter) };
  const spec = options.adapterModule;
  if (spec === undefined) throw new TypeError('runSuite: give adapter or adapterModule');
  const factoryOptions = { caseTimeoutMs: options.caseTimeoutMs, region: options.region };
  if (!OUT_OF_PROCESS_BUILT_INS.has(spec)) {
    const started = await Sandbox.start({ spec, caseTimeoutMs: options.caseTimeoutMs, region: options.region, ...options.sandbox });
    if (started.kind === 'load-failed') return { kind: 'load-failed', name: spec, problem: started.problem };
    if (started.kind === 'ready') {
      const { sandbox } = started;
      // Judging needs only the name and capabilities; the adapter itself lives in the sandbox.
      const adapter: Adapter = { name: sandbox.name, capabilities: sandbox.capabilities, revokeToken: () => Promise.reject(new Error('runs in the sandbox')) };
      return { kind: 'sandbox', adapter, sandbox };
    }
  }
  const { adapter } = await loadAdapter(spec, factoryOptions, options.sandbox?.cwd);
  return { kind: 'in-thread', adapter, inProcess: !isOutOfProcess(adapter) };
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

/** Runs the fixtures and properties against one adapter and reports as it goes. */
export async function runSuite(options: SuiteOptions): Promise<{ summary: Summary; results: Result[] }> {
  const started = performance.now();
  const base = replayBase([options.adapterFlags, options.replayFlags, options.strict && '--strict']);
  const subject = await prepareSubject(options);
  const total = options.fixtures.length + options.properties.length;
  if (subject.kind === 'load-failed') {
    for (const reporter of options.reporters) reporter.onStart?.({ implementation: subject.name, total });
    const results = [runFailure('adapter-load', subject.name, subject.problem, base)];
    for (const reporter of options.reporters) reporter.onResult(results[0]!);
    const summary = summarize(results, { implementation: subject.name, strict: options.strict, seed: options.seed, startedAt: started });
    for (const reporter of options.reporters) await reporter.onEnd(summary, results);
    return { summary, results };
  }
  const adapter = subject.adapter;
  const inProcess = subject.kind === 'sandbox' || subject.inProcess;
  const capabilities = resolveCapabilities(adapter);
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
  const env: RunEnvironment = {
    adapter,
    capabilities,
    service,
    endpoint: loopback?.url ?? regionalEndpoint(options.region),
    region: options.region,
    checks: CLIENT_CHECKS,
    fakeTime: inProcess,
    // A process adapter times its child out at caseTimeoutMs and restarts it; the harness waits a
    // little longer so that restart happens before the next case.
    caseTimeoutMs: inProcess ? options.caseTimeoutMs : options.caseTimeoutMs + 1_000,
    offerDirectFetch: inProcess,
    unsignedRequired: options.unsignedRequired,
    ...(subject.kind === 'sandbox' ? { executor: subject.sandbox } : {}),
  };
  const counted = (v: Verdict) => v.level === 'must' || options.strict;
  const results: Result[] = [];
  for (const reporter of options.reporters) reporter.onStart?.({ implementation: adapter.name, total });
  let diagnostics: { stderr: string[]; events: string[] } | undefined;
  const emit = (result: Result) => {
    results.push(result);
    for (const reporter of options.reporters) reporter.onResult(result);
  };

  let closeProblem: string | undefined;
  try {
    for (const fixture of options.fixtures) {
      const outcome = await runCase(fixtureToCase(fixture), env);
      emit(
        toResult(outcome, {
          kind: 'fixture',
          origin: fixture.file,
          replay: replayLine(base, fixture.id),
          expectations: options.expectations,
          counted,
          redact: options.redact,
        }),
      );
    }
    for (const property of options.properties) {
      emit(await runProperty(property, env, options, counted, base));
    }
  } finally {
    diagnostics = (adapter as { diagnostics?: () => { stderr: string[]; events: string[] } }).diagnostics?.();
    server?.close();
    await loopback?.close();
    closeProblem = subject.kind === 'sandbox' ? await subject.sandbox.close() : await closeInThread(adapter);
  }
  if (closeProblem !== undefined) emit(runFailure('adapter-close', options.adapterModule ?? adapter.name, closeProblem, base));

  const summary: Summary = {
    ...summarize(results, { implementation: adapter.name, strict: options.strict, seed: options.seed, startedAt: started }),
    ...(diagnostics ? { diagnostics: { stderr: diagnostics.stderr.slice(-40), events: diagnostics.events.slice(-40) } } : {}),
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
}

function redactVerdicts(verdicts: readonly Verdict[], redact: (text: string) => string): Verdict[] {
  return verdicts.map((v) => ({
    ...v,
    ...(v.expected !== undefined ? { expected: redact(v.expected) } : {}),
    ...(v.actual !== undefined ? { actual: redact(v.actual) } : {}),
  }));
}

function toResult(outcome: CaseResult, context: ResultContext, id = outcome.case.id): Result {
  const redact = redactorFor(outcome.case.params, context.redact, outcome.sentSensitive);
  const verdicts = redactVerdicts(outcome.verdicts, redact);
  const base = {
    id,
    kind: context.kind,
    level: outcome.case.level,
    documentation: outcome.case.documentation,
    origin: context.origin,
    verdicts,
    replay: context.replay,
    warnings: verdicts.filter((v) => v.status === 'fail' && !context.counted(v)),
  };
  if (outcome.status === 'not-applicable') return { ...base, classified: { kind: 'not-applicable', reason: outcome.reason ?? '' } };
  return { ...base, classified: classify(id, verdicts, context.expectations, context.counted) };
}

async function runProperty(
  property: PropertyDefinition,
  env: RunEnvironment,
  options: SuiteOptions,
  counted: (v: Verdict) => boolean,
  base: string,
): Promise<Result> {
  const replayFor = (seed: number, path?: string) => replayLine(base, property.id, { seed, path });
  const result = (rest: Pick<Result, 'classified' | 'verdicts' | 'replay'> & Partial<Result>): Result => ({
    id: property.id,
    kind: 'property',
    level: property.level,
    documentation: property.title,
    // Every client property is defined in one module; the id finds it there.
    origin: `${CLIENT_PROPERTIES_MODULE}#${property.id}`,
    warnings: [],
    ...rest,
  });
  const notApplicable = property.notApplicable?.(env.capabilities);
  if (notApplicable) {
    return result({ classified: { kind: 'not-applicable', reason: notApplicable }, verdicts: [], replay: replayLine(base, property.id), runs: 0 });
  }
  const expected = options.expectations.filter((e) => e.case === property.id);
  const isExpected = (v: Verdict) => expected.some((e) => e.check === undefined || e.check === v.check);
  // One verdict per rule is enough to report an expected failure or a should-level warning.
  const seenExpected = new Map<string, Verdict>();
  const warnings = new Map<string, Verdict>();
  // Once a generated case has hung, shrinking will try many more that hang the same way: each
  // is given a short leash so a hanging client costs seconds, not minutes, to shrink.
  let shrinkEnv = env;
  const details = await fc.check(
    fc.asyncProperty(property.cases(env.capabilities), async (generated) => {
      const c: Case = { ...generated, origin: { kind: 'property', property: property.id, seed: options.seed, path: '' } };
      const outcome = await runCase(c, shrinkEnv);
      if (outcome.outcome?.kind === 'unsettled') shrinkEnv = { ...env, caseTimeoutMs: Math.min(env.caseTimeoutMs, 250) };
      let ok = true;
      for (const v of redactVerdicts(outcome.verdicts, redactorFor(c.params, options.redact, outcome.sentSensitive))) {
        if (v.status !== 'fail') continue;
        if (isExpected(v)) seenExpected.set(v.check, v);
        else if (counted(v)) ok = false;
        else warnings.set(v.check, v);
      }
      return ok;
    }),
    { seed: options.seed, numRuns: options.runs ?? property.runs, ...(options.replayPath ? { path: options.replayPath, endOnFailure: true } : {}) },
  );
  if (details.failed && details.counterexample) {
    // Run the shrunk counterexample once more so the report shows its verdicts.
    const c: Case = {
      ...details.counterexample[0],
      origin: { kind: 'property', property: property.id, seed: details.seed, path: details.counterexamplePath ?? '' },
    };
    const rerun = await runCase(c, env);
    const verdicts = redactVerdicts(rerun.verdicts, redactorFor(c.params, options.redact, rerun.sentSensitive));
    const unexpected = verdicts.filter((v) => v.status === 'fail' && counted(v) && !isExpected(v));
    return result({
      verdicts,
      classified: { kind: 'fail', failures: unexpected.length > 0 ? unexpected : verdicts.filter((v) => v.status === 'fail') },
      runs: details.numRuns,
      counterexample: redactParams(c.params, options.redact),
      replay: replayFor(details.seed, details.counterexamplePath ?? undefined),
    });
  }
  if (details.failed) {
    // The run stopped without a counterexample: the predicate threw, or fast-check was interrupted.
    const cause = (details as { errorInstance?: unknown }).errorInstance;
    const verdict: Verdict = {
      check: 'A4',
      title: 'the call completes without crashing the harness',
      level: 'must',
      status: 'fail',
      expected: 'no exception',
      actual: cause instanceof Error ? cause.message : 'the property run was interrupted',
    };
    return result({ verdicts: [verdict], classified: { kind: 'fail', failures: [verdict] }, runs: details.numRuns, replay: replayFor(details.seed) });
  }
  const expectedFailures = [...seenExpected.values()];
  return result({
    verdicts: expectedFailures,
    classified: classify(property.id, expectedFailures, options.expectations, () => true),
    runs: details.numRuns,
    replay: replayFor(options.seed),
    warnings: [...warnings.values()],
  });
}
