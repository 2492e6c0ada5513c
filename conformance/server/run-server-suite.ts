import type { Verdict } from '../judging/check.ts';
import { REGION_PATTERN } from '../protocol/aws-json.ts';
import { redactedCrash } from '../redaction/crash.ts';
import { SensitiveValues } from '../redaction/redact.ts';
import type { Expectation } from '../run/expectations.ts';
import type { FailureRecorder } from '../run/failures-file.ts';
import { replayBase } from '../run/replay.ts';
import type { Reporter } from '../run/reporter.ts';
import { isFailure } from '../run/result.ts';
import { SelectionError, selectCases } from '../run/select-cases.ts';
import { summarize } from '../run/summary.ts';
import type { CaseContext } from './cases/server-case.ts';
import { SERVER_CHECKS } from './checks/index.ts';
import { AwsJsonClient } from './provision/aws-json-client.ts';
import { signIn } from './provision/sessions.ts';
import { provisionWorld, type World } from './provision/world.ts';
import type { ReferenceServiceOptions } from './reference/index.ts';
import { type ServedReference, serveReference } from './reference/index.ts';
import { type CaseRunEnvironment, runFixedCase, runGeneratedCase } from './run/case-runner.ts';
import type { ServerResult, ServerSummary } from './run/server-result.ts';
import { resolveUnverified, type UnverifiedExpectations } from './semantics/unverified.ts';
import { SERVER_CASES } from './server-cases.ts';
import { ServerSuiteConfigError } from './server-suite-config-error.ts';
import { EndpointSafetyError, isLoopbackAddress, resolveEndpoint } from './wire/endpoint-safety.ts';
import { ServerWire } from './wire/server-wire.ts';

/**
 * Options of a server run. Everything has a default: with none, the suite starts the
 * reference server on 127.0.0.1 and checks it.
 * @public
 */
export interface ServerSuiteOptions {
  /** Base URL of the server under test. Default: the reference server, started on loopback for the run. */
  endpoint?: string;
  /** Allow an endpoint that is not this machine (127.0.0.0/8, ::1, localhost). Off by default. */
  allowRemote?: boolean;
  /** Region the suite signs admin calls for. Default us-east-1. */
  region?: string;
  /** Seed of every generated case (printed in each replay line). Default: random. */
  seed?: number;
  /** Runs per generated case. Default: each case's own (4 to 12). */
  runs?: number;
  /** Should-level failures fail the run too. */
  strict?: boolean;
  /** Only cases with one of these ids or tags (rule ids such as S6, groups such as semantics). */
  filters?: readonly string[];
  /** Known deviations of the server, in the expectations-file format of the client suite. */
  expectations?: readonly Expectation[];
  reporters?: readonly Reporter[];
  /** Replace every token, client id, secret, username and password in results. Default true. */
  redact?: boolean;
  /** The most requests the run may send. Default 3000 on loopback, 1000 elsewhere (a default run sends about 550). */
  maxRequests?: number;
  /** The most requests per second. Default 250 on loopback, 5 elsewhere. */
  ratePerSecond?: number;
  /** How long one request may take before it counts as unanswered. Default 5000 ms. */
  requestTimeoutMs?: number;
  /** Requests a failing generated case may spend on shrinking. Default 200. */
  shrinkRequestBudget?: number;
  /** The outcomes expected where the real service is unverified (reported as informational). */
  unverified?: UnverifiedExpectations;
  /** Replays one shrunk failure; needs a single selected generated case. */
  replay?: { path: string; commandsReplayPath?: string };
  /** How reports name the server. */
  serverName?: string;
  /** The flags that select this server again, for replay lines (e.g. `--server cognito-local`). */
  serverFlags?: string;
  /** Options of the reference server when no endpoint is given. */
  referenceOptions?: ReferenceServiceOptions;
  /** Keeps each failure in the failures file and gives it a short replay line (the CLI's). */
  failures?: FailureRecorder;
}

/** @public */
export interface ServerSuiteRun {
  summary: ServerSummary;
  results: ServerResult[];
}

/** The longest a server run may take at its budget, rate and request timeout (see --rate). */
const MAX_RUN_SECONDS = 24 * 3600;

function positiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 1))
    throw new ServerSuiteConfigError(`${name} must be a whole number of at least 1, got ${String(value)}`);
}

/**
 * Runs the server conformance suite: the awsJson 1.1 protocol probes (checklist S1 to S17),
 * the revocation semantics against real tokens in a populated world (R1 to R15), the judging
 * of every answer of every operation (P2, S16, S17), and the unverified cases as information. Every
 * request goes to the one endpoint, one at a time, within the budget and the rate.
 * Configuration errors throw ServerSuiteConfigError or EndpointSafetyError; a failing server
 * never throws, it fails cases.
 * @public
 */
export async function runServerSuite(options: ServerSuiteOptions = {}): Promise<ServerSuiteRun> {
  const started = performance.now();
  const region = options.region ?? 'us-east-1';
  if (!REGION_PATTERN.test(region)) throw new ServerSuiteConfigError(`region ${region}: not a region name such as us-east-1`);
  for (const [name, value] of [
    ['maxRequests', options.maxRequests],
    ['runs', options.runs],
    ['requestTimeoutMs', options.requestTimeoutMs],
    ['shrinkRequestBudget', options.shrinkRequestBudget],
  ] as const) {
    positiveInteger(name, value);
  }
  if (options.ratePerSecond !== undefined && !(options.ratePerSecond > 0))
    throw new ServerSuiteConfigError(`ratePerSecond must be above 0, got ${options.ratePerSecond}`);
  if (options.seed !== undefined && (!Number.isSafeInteger(options.seed) || options.seed < 0))
    throw new ServerSuiteConfigError(`seed must be a whole number, got ${options.seed}`);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  let selected;
  try {
    selected = selectCases(SERVER_CASES, options.filters ?? [], 'server case');
  } catch (error) {
    // The programmatic API reports every option it cannot use as its own configuration error.
    if (error instanceof SelectionError) throw new ServerSuiteConfigError(error.message);
    throw error;
  }
  if (options.replay && (selected.length !== 1 || selected[0]!.kind !== 'generated')) {
    throw new ServerSuiteConfigError('replay needs exactly one selected generated case (filter by its id)');
  }
  let unverified;
  try {
    unverified = resolveUnverified(options.unverified);
  } catch (error) {
    throw new ServerSuiteConfigError((error as Error).message);
  }

  let served: ServedReference | undefined;
  let endpoint: URL;
  // The address the endpoint's host was checked as: every request connects to it, so the
  // server judged is the one that was checked (no second lookup, no DNS rebinding).
  let pinned: string | undefined;
  if (options.endpoint === undefined) {
    served = await serveReference({ serviceOptions: { region, ...options.referenceOptions } });
    endpoint = new URL(served.url);
  } else {
    ({ url: endpoint, address: pinned } = await resolveEndpoint(options.endpoint, { allowRemote: options.allowRemote ?? false }));
  }
  const local = served !== undefined || (pinned !== undefined && isLoopbackAddress(pinned));
  const maxRequests = options.maxRequests ?? (local ? 3000 : 1000);
  const ratePerSecond = options.ratePerSecond ?? (local ? 250 : 5);
  const timeoutMs = options.requestTimeoutMs ?? 5000;
  // The run's own bound: every request waits its turn at the rate and may take the whole
  // timeout, so the budget times the longer of the two is the longest a run can take.
  const worstCaseSeconds = maxRequests * Math.max(1 / ratePerSecond, timeoutMs / 1000);
  if (worstCaseSeconds > MAX_RUN_SECONDS) {
    await served?.close();
    throw new ServerSuiteConfigError(
      `${maxRequests} requests (--max-requests) at ${ratePerSecond} per second (--rate), each allowed ${timeoutMs} ms (--request-timeout), ` +
        `could take ${Math.ceil(worstCaseSeconds / 3600)} hours; a run may take at most ${MAX_RUN_SECONDS / 3600} hours: lower the budget or raise the rate`,
    );
  }
  const wire = new ServerWire({ endpoint, maxRequests, ratePerSecond, timeoutMs, ...(pinned ? { address: pinned } : {}) });
  const sensitive = new SensitiveValues(options.redact ?? true);
  const api = new AwsJsonClient(wire, region);
  let world: Promise<World> | undefined;
  const context: CaseContext = {
    wire,
    api,
    region,
    sensitive,
    unverified,
    world: () => (world ??= provisionWorld(api, sensitive)),
    freshSession: async (role = 'public', user = 0) => signIn(api, await context.world(), role, sensitive, user),
  };

  const strict = options.strict ?? false;
  const serverFlags = options.serverFlags ?? (options.endpoint === undefined ? '--server' : `--server ${endpoint.href.replace(/\/$/, '')}`);
  // One shrink per cause: a rule that already failed in a case of this run is not shrunk again (decisions/0018).
  const counterexamples = new Map<string, string>();
  const env: CaseRunEnvironment = {
    context,
    checks: SERVER_CHECKS,
    expectations: options.expectations ?? [],
    counted: (v: Verdict) => v.level === 'must' || strict,
    seed,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.replay ? { replay: options.replay } : {}),
    replayBase: replayBase([serverFlags, strict && '--strict']),
    shrinkRequestBudget: options.shrinkRequestBudget ?? 200,
    counterexamples,
  };
  const serverName = options.serverName ?? (served ? `reference server (${served.url})` : `server at ${endpoint.origin}`);
  const reporters = options.reporters ?? [];
  for (const reporter of reporters) reporter.onStart?.({ implementation: serverName, total: selected.length });

  const results: ServerResult[] = [];
  try {
    for (const testCase of selected) {
      const caseStarted = performance.now();
      wire.currentCase = testCase.id;
      const ran = testCase.kind === 'scripted' ? await runFixedCase(testCase, env) : await runGeneratedCase(testCase, env);
      const judged: ServerResult = { ...ran, durationMs: Math.round(performance.now() - caseStarted) };
      const failed = isFailure(judged) || judged.warnings.length > 0;
      const result = options.failures && failed ? { ...judged, replay: options.failures.record(judged.replay) } : judged;
      results.push(result);
      if (result.classified.kind === 'fail')
        for (const v of result.classified.failures) if (!counterexamples.has(v.check)) counterexamples.set(v.check, result.id);
      for (const reporter of reporters) reporter.onResult(result);
    }
  } catch (error) {
    // A crash message may quote what the server sent back: it is redacted like every report.
    throw redactedCrash(error, sensitive);
  } finally {
    await served?.close();
  }

  const summary: ServerSummary = {
    ...summarize(results, { implementation: serverName, strict, seed, startedAt: started }),
    requests: wire.sent,
    budgetExhausted: wire.exhausted,
    informationalDifferences: results.reduce((n, r) => n + r.informational.filter((v) => v.status === 'fail').length, 0),
  };
  for (const reporter of reporters) await reporter.onEnd(summary, results);
  return { summary, results };
}

export { EndpointSafetyError, ServerSuiteConfigError };
