import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { type Adapter, resolveCapabilities } from '../adapters/contract.ts';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Case } from '../fixtures/case.ts';
import type { Fixture } from '../fixtures/types.ts';
import type { Verdict } from '../judging/check.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import { regionalEndpoint } from '../protocol/aws-json.ts';
import { cleanAdapterText, describeThrown, redactAndClean, safeString } from '../redaction/adapter-text.ts';
import { cleanStructure, cleanVerdicts } from '../redaction/clean-verdict.ts';
import { redactedCrash } from '../redaction/crash.ts';
import { redactorFor, SensitiveValues, sensitiveValuesFor } from '../redaction/redact.ts';
import { FakeService, serveOnLoopback } from '../wire/fake-service.ts';
import type { LoopbackServer } from '../wire/loopback-server.ts';
import { classify, type Expectation } from './expectations.ts';
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
  adapter: Adapter;
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
  /** In-process: fake the clock and offer the direct fetch. Out-of-process adapters get real time. */
  inProcess: boolean;
  /** False for a client built against a revision of the model that signed the call. */
  unsignedRequired?: boolean;
  /** Extra words for replay lines (e.g. --expectations x). */
  replayFlags?: string;
  reporters: readonly Reporter[];
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

/** Runs the fixtures and properties against one adapter and reports as it goes. */
export async function runSuite(options: SuiteOptions): Promise<{ summary: Summary; results: Result[] }> {
  const started = performance.now();
  const capabilities = resolveCapabilities(options.adapter);
  const seen = options.sensitive ?? new SensitiveValues(options.redact);
  const implementation = implementationName(options.adapter);
  const service = new FakeService('intercepted');
  // Nothing may reach the network: an unmatched request is an error, not a pass-through.
  const server = setupServer(service.handler);
  server.listen({ onUnhandledRequest: 'error' });
  // Out-of-process clients cannot be intercepted: they get the same handler on a real socket.
  let loopback: LoopbackServer | undefined;
  try {
    loopback = options.inProcess ? undefined : await serveOnLoopback(service, options.region);
  } catch (error) {
    server.close();
    throw error;
  }
  const env: RunEnvironment = {
    adapter: options.adapter,
    capabilities,
    service,
    endpoint: loopback?.url ?? regionalEndpoint(options.region),
    region: options.region,
    checks: CLIENT_CHECKS,
    fakeTime: options.inProcess,
    // A process adapter times its child out at caseTimeoutMs and restarts it; the harness waits a
    // little longer so that restart happens before the next case.
    caseTimeoutMs: options.inProcess ? options.caseTimeoutMs : options.caseTimeoutMs + 1_000,
    offerDirectFetch: options.inProcess,
    unsignedRequired: options.unsignedRequired,
    sensitive: seen,
  };
  const counted = (v: Verdict) => v.level === 'must' || options.strict;
  const base = replayBase([options.adapterFlags, options.replayFlags, options.strict && '--strict']);
  const results: Result[] = [];
  const total = options.fixtures.length + options.properties.length;
  for (const reporter of options.reporters) reporter.onStart?.({ implementation, total });
  let diagnostics: { stderr: string[]; events: string[] } | undefined;
  const emit = (result: Result) => {
    results.push(result);
    for (const reporter of options.reporters) reporter.onResult(result);
  };

  try {
    for (const fixture of options.fixtures) {
      seen.addMembersOf(fixture.params);
      const outcome = await runCase(fixtureToCase(fixture), env);
      seen.add(...outcome.sentSensitive);
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
  } catch (error) {
    throw redactedCrash(error, seen);
  } finally {
    diagnostics = (options.adapter as { diagnostics?: () => { stderr: string[]; events: string[] } }).diagnostics?.();
    server.close();
    await loopback?.close();
    await options.adapter.close?.();
  }

  const summary: Summary = {
    ...summarize(results, { implementation, strict: options.strict, seed: options.seed, startedAt: started }),
    ...(diagnostics ? { diagnostics: { stderr: diagnosticLines(diagnostics.stderr, seen), events: diagnosticLines(diagnostics.events, seen) } } : {}),
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

/** Redacted, long values shortened, adapter text made safe: what every reporter receives. */
function redactVerdicts(verdicts: readonly Verdict[], redact: (text: string) => string): Verdict[] {
  return cleanVerdicts(verdicts, redact);
}

/**
 * The end of a client's stderr and the restart log, redacted again against every case's values:
 * a line is read when it arrives, which may be after the case that wrote it.
 */
function diagnosticLines(lines: readonly string[], seen: SensitiveValues): string[] {
  return lines.slice(-40).map((line) => redactAndClean(safeString(line), (text) => seen.redact(text)));
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
      env.sensitive?.addMembersOf(c.params);
      const outcome = await runCase(c, shrinkEnv);
      env.sensitive?.add(...outcome.sentSensitive);
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
      counterexample: cleanStructure<Record<string, unknown>>({ ...c.params }, sensitiveValuesFor(c.params, options.redact, rerun.sentSensitive)),
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
      actual: cause === undefined ? 'the property run was interrupted' : redactAndClean(describeThrown(cause), (text) => env.sensitive?.redact(text) ?? text),
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
