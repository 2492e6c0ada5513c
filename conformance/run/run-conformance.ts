import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Adapter, checkCapabilities } from '../adapters/contract.ts';
import { AdapterLoadError, BUILT_IN_ADAPTERS, DEFAULT_ADAPTER, isOutOfProcess, loadAdapter } from '../adapters/load.ts';
import { createProcessAdapter } from '../adapters/process-agent/process-adapter.ts';
import { ProcessAdapterError } from '../adapters/process-agent/types.ts';
import { FixtureError, type LoadedFixture, loadFixtures } from '../fixtures/load.ts';
import { loadRevisions, REVISION_IDS } from '../model/revisions.ts';
import { packageRoot } from '../package-root.ts';
import type { SequenceDefinition } from '../properties/call-sequence.ts';
import { CLIENT_SEQUENCES } from '../properties/call-sequences.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import { REGION_PATTERN } from '../protocol/aws-json.ts';
import type { SensitiveValues } from '../redaction/redact.ts';
import { rulesOf } from '../rules/registry.ts';
import { checkExpectationTargets, type Expectation, ExpectationsError, loadExpectations } from './expectations.ts';
import type { FailureRecorder } from './failures-file.ts';
import type { Reporter } from './reporter.ts';
import type { Result, Summary } from './result.ts';
import { openSession, type ReplayFormat, runSuite, type SessionOptions, type SuiteSession } from './runner.ts';
import { SelectionError, selectCases } from './select-cases.ts';

/**
 * What `runConformance` runs: one client (an adapter or a command), which cases, and how they
 * are judged. Every option is optional; the defaults are the CLI's.
 * @public
 */
export interface RunConformanceOptions {
  /** The client: an adapter object, a path to an adapter module (.mjs, .js, .ts), or a built-in's name. Default aws-sdk-v3. */
  adapter?: Adapter | string;
  /** A client in any language: a long-lived process speaking the line protocol (CONTRACT.md section 2). Instead of `adapter`. */
  command?: string;
  /** Keep only the cases whose id or one of whose tags equals a filter (rule ids such as C4, groups). */
  filters?: readonly string[];
  /** Should-level failures fail the run too. */
  strict?: boolean;
  /** The seed of the generated cases; default random. */
  seed?: number;
  /** Runs per property; default each property's own. */
  runs?: number;
  /** Known failures: a path to an expectations file, or its entries. Default the built-in adapter's own file, if any. */
  expectations?: string | readonly Expectation[];
  /** Real time one call may take before it counts as hanging; default 10000. */
  caseTimeoutMs?: number;
  /** Real time an adapter module or a client process may take to start; default the loader's own (30000 for a process). */
  startTimeoutMs?: number;
  /** The region the client is configured for; default us-east-1. */
  region?: string;
  /** Redact tokens and secrets in the results; default true. */
  redact?: boolean;
  /** Judge a client built against an older model revision (model/HISTORY.md); default the latest. */
  revision?: string;
  /** Reporters that see each result and the summary (e.g. your own); default none. */
  reporters?: readonly Reporter[];
  /** A fast-check replay path for a single filtered property (what a failure's replay line gives). */
  replayPath?: string;
  /** Resolves a relative adapter path; default the working directory. */
  cwd?: string;
  /**
   * Default true: an in-process adapter module runs in a sandbox worker (conformance/sandbox/).
   * False runs it in this thread, for debuggers and tools that instrument the adapter; a crash
   * or hang of the adapter can then end the run.
   */
  isolate?: boolean;
}

/** What a run produced: the summary and every result, exactly what the reporters were given. @public */
export interface ConformanceRun {
  summary: Summary;
  results: Result[];
}

/**
 * An option that runConformance (or describeConformance) cannot use. `option` names it; the
 * loaders' own error, when one was thrown, is the `cause`.
 * @public
 */
export class ConformanceOptionsError extends Error {
  override name = 'ConformanceOptionsError';
  readonly option: string;
  /** The message without the option's name, for callers that name the option their own way (the CLI's flags). */
  readonly detail: string;

  constructor(option: string, message: string, cause?: unknown) {
    super(`options.${option}: ${message}`, cause === undefined ? undefined : { cause });
    this.option = option;
    this.detail = message;
  }
}

const KNOWN_OPTIONS: readonly (keyof RunConformanceOptions)[] = [
  'adapter',
  'command',
  'filters',
  'strict',
  'seed',
  'runs',
  'expectations',
  'caseTimeoutMs',
  'startTimeoutMs',
  'region',
  'redact',
  'revision',
  'reporters',
  'replayPath',
  'cwd',
  'isolate',
];

/** The checked options of a run, with the cases chosen; the adapter is opened later (`openAdapter`). */
export interface ConformancePlan {
  client: { adapter: Adapter } | { spec: string } | { command: string };
  fixtures: LoadedFixture[];
  properties: PropertyDefinition[];
  /** Generated call sequences on one adapter object (decisions/0016). */
  sequences: SequenceDefinition[];
  strict: boolean;
  seed: number;
  runs?: number;
  replayPath?: string;
  caseTimeoutMs: number;
  startTimeoutMs?: number;
  region: string;
  redact: boolean;
  unsignedRequired: boolean;
  /** The flags that name the client again in a replay line. */
  adapterFlags: string;
  replayFlags?: string;
  expectationsPath?: string;
  expectations?: readonly Expectation[];
  cwd?: string;
  isolate: boolean;
}

const isWhole = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

function checkOptions(options: RunConformanceOptions): void {
  if (options === null || typeof options !== 'object') throw new ConformanceOptionsError('(options)', 'must be an object');
  for (const key of Object.keys(options)) {
    if (!(KNOWN_OPTIONS as readonly string[]).includes(key)) throw new ConformanceOptionsError(key, `not an option (known: ${KNOWN_OPTIONS.join(', ')})`);
  }
  const { adapter, command } = options;
  if (options.isolate !== undefined && typeof options.isolate !== 'boolean') throw new ConformanceOptionsError('isolate', 'must be true or false');
  if (adapter !== undefined && command !== undefined) throw new ConformanceOptionsError('command', 'command and adapter name two different clients: give one');
  if (command !== undefined && (typeof command !== 'string' || command.trim() === ''))
    throw new ConformanceOptionsError('command', 'must be the command line that starts the client process');
  if (adapter !== undefined && typeof adapter !== 'string') {
    if (adapter === null || typeof adapter !== 'object')
      throw new ConformanceOptionsError('adapter', 'must be an adapter object, a module path or a built-in name');
    if (typeof adapter.name !== 'string' || adapter.name === '') throw new ConformanceOptionsError('adapter', 'adapter.name must be a non-empty string');
    if (typeof adapter.revokeToken !== 'function') throw new ConformanceOptionsError('adapter', 'adapter.revokeToken must be a function');
    const capabilities = checkCapabilities(adapter.capabilities);
    if (!capabilities.ok) throw new ConformanceOptionsError('adapter', `adapter.${capabilities.problem}`);
  }
  if (typeof adapter === 'string' && adapter.trim() === '') throw new ConformanceOptionsError('adapter', 'must name a built-in adapter or a module path');
  if (options.filters !== undefined && (!Array.isArray(options.filters) || options.filters.some((f) => typeof f !== 'string' || f === '')))
    throw new ConformanceOptionsError('filters', 'must be an array of case ids or tags');
  for (const flag of ['strict', 'redact'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') throw new ConformanceOptionsError(flag, 'must be true or false');
  }
  if (options.seed !== undefined && !isWhole(options.seed, 0, 2 ** 31 - 1))
    throw new ConformanceOptionsError('seed', `must be a whole number >= 0, got ${String(options.seed)}`);
  if (options.runs !== undefined && !isWhole(options.runs, 1, 2 ** 31 - 1))
    throw new ConformanceOptionsError('runs', `must be a whole number >= 1, got ${String(options.runs)}`);
  if (options.caseTimeoutMs !== undefined && !isWhole(options.caseTimeoutMs, 1, 2 ** 31 - 1))
    throw new ConformanceOptionsError('caseTimeoutMs', `must be a whole number of milliseconds >= 1, got ${String(options.caseTimeoutMs)}`);
  if (options.startTimeoutMs !== undefined && !isWhole(options.startTimeoutMs, 1, 2 ** 31 - 1))
    throw new ConformanceOptionsError('startTimeoutMs', `must be a whole number of milliseconds >= 1, got ${String(options.startTimeoutMs)}`);
  if (options.region !== undefined && (typeof options.region !== 'string' || !REGION_PATTERN.test(options.region)))
    throw new ConformanceOptionsError('region', `must be an AWS region such as us-east-1, got ${JSON.stringify(options.region)}`);
  if (options.revision !== undefined && !(REVISION_IDS as readonly string[]).includes(options.revision))
    throw new ConformanceOptionsError('revision', `${String(options.revision)} is not a revision of the model (${REVISION_IDS.join(', ')})`);
  if (options.reporters !== undefined) {
    if (!Array.isArray(options.reporters)) throw new ConformanceOptionsError('reporters', 'must be an array of reporters');
    options.reporters.forEach((reporter, index) => {
      const r = reporter as Partial<Reporter> | null;
      if (!r || typeof r.onResult !== 'function' || typeof r.onEnd !== 'function')
        throw new ConformanceOptionsError(`reporters[${index}]`, 'a reporter needs onResult(result) and onEnd(summary, results)');
    });
  }
  if (options.expectations !== undefined) {
    if (typeof options.expectations === 'string') {
      if (options.expectations === '') throw new ConformanceOptionsError('expectations', 'must be a path to an expectations file or an array of entries');
    } else if (Array.isArray(options.expectations)) {
      options.expectations.forEach((entry, index) => {
        const e = entry as Partial<Expectation> | null;
        if (!e || typeof e.case !== 'string' || e.case === '') throw new ConformanceOptionsError(`expectations[${index}].case`, 'must be a case id');
        if (e.check !== undefined && typeof e.check !== 'string')
          throw new ConformanceOptionsError(`expectations[${index}].check`, 'must be a rule id such as C19');
        if (typeof e.reason !== 'string' || e.reason.trim() === '')
          throw new ConformanceOptionsError(`expectations[${index}].reason`, 'every known failure needs a reason');
        if (typeof e.source !== 'string' || e.source.trim() === '')
          throw new ConformanceOptionsError(`expectations[${index}].source`, 'every known failure needs a source');
      });
    } else {
      throw new ConformanceOptionsError('expectations', 'must be a path to an expectations file or an array of entries');
    }
  }
  if (options.replayPath !== undefined && typeof options.replayPath !== 'string')
    throw new ConformanceOptionsError('replayPath', 'must be a fast-check path string');
  if (options.cwd !== undefined && typeof options.cwd !== 'string') throw new ConformanceOptionsError('cwd', 'must be a folder path');
}

function builtInExpectationsPath(builtIn: string): string | undefined {
  // From the package root, so the same path works from the sources and from dist/.
  const path = join(packageRoot, 'conformance', 'expectations', `${builtIn}.json`);
  return existsSync(path) ? path : undefined;
}

/** The fixtures that apply to a client built against `revision` (default the latest). */
export async function fixturesForRevision(revision: string | undefined): Promise<{ fixtures: LoadedFixture[]; signed: boolean }> {
  const history = loadRevisions();
  const chosen = history.revisions.find((r) => r.id === revision) ?? history.revisions.at(-1)!;
  // A case applies from its revision on; 'YYYY-MM' ids compare as strings.
  return { fixtures: (await loadFixtures()).filter((f) => f.since <= chosen.id), signed: chosen.signed };
}

/** The fixtures and properties `filters` keep (all with no filter); a filter that keeps none throws SelectionError. */
export function selectConformanceCases(
  fixtures: readonly LoadedFixture[],
  filters: readonly string[],
): { fixtures: LoadedFixture[]; properties: PropertyDefinition[]; sequences: SequenceDefinition[] } {
  const chosen = new Set<unknown>(selectCases([...fixtures, ...CLIENT_PROPERTIES, ...CLIENT_SEQUENCES], filters, 'fixture, property or sequence'));
  return {
    fixtures: fixtures.filter((f) => chosen.has(f)),
    properties: CLIENT_PROPERTIES.filter((p) => chosen.has(p)),
    sequences: CLIENT_SEQUENCES.filter((q) => chosen.has(q)),
  };
}

/** Checks the options and chooses the cases, without starting the client. */
export async function planConformance(options: RunConformanceOptions = {}): Promise<ConformancePlan> {
  checkOptions(options);
  const { fixtures: applicable, signed } = await fixturesForRevision(options.revision);
  let selected: ReturnType<typeof selectConformanceCases>;
  try {
    selected = selectConformanceCases(applicable, options.filters ?? []);
  } catch (error) {
    if (error instanceof SelectionError) throw new ConformanceOptionsError('filters', error.message, error);
    throw error;
  }
  // Everything a run can be refused for is checked before the adapter is loaded or a case runs.
  if (options.replayPath !== undefined && (selected.properties.length + selected.sequences.length !== 1 || selected.fixtures.length > 0)) {
    const fixture = selected.fixtures[0];
    throw new ConformanceOptionsError(
      'replayPath',
      `replays a property's or a sequence's generated case; ${fixture ? `${fixture.id} is a fixture` : 'the filters select no single property or sequence'}: leave it out`,
    );
  }
  const adapter = options.adapter ?? (options.command === undefined ? DEFAULT_ADAPTER : undefined);
  const client: ConformancePlan['client'] =
    options.command !== undefined ? { command: options.command } : typeof adapter === 'string' ? { spec: adapter } : { adapter: adapter! };
  const adapterFlags =
    'command' in client
      ? `--command ${JSON.stringify(client.command)}`
      : 'spec' in client
        ? `--adapter ${client.spec}`
        : `--adapter <the module exporting ${client.adapter.name}>`;
  const builtIn = 'spec' in client && client.spec in BUILT_IN_ADAPTERS ? client.spec : undefined;
  const expectationsPath = typeof options.expectations === 'string' ? options.expectations : builtIn ? builtInExpectationsPath(builtIn) : undefined;
  const replayFlags = [
    typeof options.expectations === 'string' ? `--expectations ${options.expectations}` : '',
    options.revision ? `--revision ${options.revision}` : '',
    options.caseTimeoutMs !== undefined ? `--case-timeout ${options.caseTimeoutMs}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    client,
    fixtures: selected.fixtures,
    properties: selected.properties,
    sequences: selected.sequences,
    strict: options.strict ?? false,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.replayPath !== undefined ? { replayPath: options.replayPath } : {}),
    caseTimeoutMs: options.caseTimeoutMs ?? 10_000,
    ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    region: options.region ?? 'us-east-1',
    redact: options.redact ?? true,
    unsignedRequired: !signed,
    adapterFlags,
    ...(replayFlags ? { replayFlags } : {}),
    ...(expectationsPath ? { expectationsPath } : {}),
    ...(Array.isArray(options.expectations) ? { expectations: options.expectations } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    isolate: options.isolate ?? true,
  };
}

/** The loaders' errors, as the option they came from. */
function asOptionError(option: string, error: unknown): unknown {
  const known = [AdapterLoadError, ProcessAdapterError, ExpectationsError, FixtureError];
  return known.some((type) => error instanceof type) ? new ConformanceOptionsError(option, (error as Error).message, error) : error;
}

/** Starts the plan's client and sets up the fake service: a session to run its cases in. The caller closes it. */
export async function openPlan(plan: ConformancePlan, extra: SessionExtras = {}): Promise<SuiteSession> {
  const options = await sessionOptions(plan, extra);
  try {
    return await openSession(options);
  } catch (error) {
    throw asOptionError('adapter', error);
  }
}

/** What a caller adds to a plan's session beyond the options. */
export interface SessionExtras {
  replayFormat?: ReplayFormat;
  /** Wraps the loaded adapter before any case runs (the CLI's run watchdog). */
  guardAdapter?: (adapter: Adapter) => Adapter;
  /** Collects the run's sensitive values, for redacting what outlives a case (the CLI's crash message). */
  sensitive?: SensitiveValues;
}

async function sessionOptions(plan: ConformancePlan, extra: SessionExtras): Promise<SessionOptions> {
  let expectations: readonly Expectation[] = plan.expectations ?? [];
  if (plan.expectationsPath !== undefined) {
    try {
      const file = await loadExpectations(plan.expectationsPath);
      // An entry naming no case or rule of the suite is a typo, whichever revision is judged.
      checkExpectationTargets(file, plan.expectationsPath, {
        cases: new Set([...(await loadFixtures()).map((f) => f.id), ...CLIENT_PROPERTIES.map((p) => p.id), ...CLIENT_SEQUENCES.map((q) => q.id)]),
        rules: new Set(rulesOf('client').map((r) => r.id)),
        what: 'fixture or property',
      });
      expectations = file.expectations;
    } catch (error) {
      throw asOptionError('expectations', error);
    }
  }
  const factoryOptions = {
    caseTimeoutMs: plan.caseTimeoutMs,
    region: plan.region,
    ...(plan.startTimeoutMs !== undefined ? { startTimeoutMs: plan.startTimeoutMs } : {}),
  };
  const common = {
    adapterFlags: plan.adapterFlags,
    strict: plan.strict,
    seed: plan.seed,
    ...(plan.runs !== undefined ? { runs: plan.runs } : {}),
    ...(plan.replayPath !== undefined ? { replayPath: plan.replayPath } : {}),
    expectations,
    region: plan.region,
    caseTimeoutMs: plan.caseTimeoutMs,
    redact: plan.redact,
    unsignedRequired: plan.unsignedRequired,
    ...(plan.replayFlags !== undefined ? { replayFlags: plan.replayFlags } : {}),
    ...(extra.replayFormat ? { replayFormat: extra.replayFormat } : {}),
    ...(extra.sensitive ? { sensitive: extra.sensitive } : {}),
  };
  // A module (a path or a built-in's name) is loaded by the session: an in-process adapter runs
  // in a sandbox (conformance/sandbox/), and the guard wraps whatever the session calls.
  if ('spec' in plan.client && plan.isolate) {
    return {
      ...common,
      adapterModule: plan.client.spec,
      ...(plan.startTimeoutMs !== undefined ? { startTimeoutMs: plan.startTimeoutMs } : {}),
      ...(plan.cwd !== undefined ? { sandbox: { cwd: plan.cwd } } : {}),
      ...(extra.guardAdapter ? { guardAdapter: extra.guardAdapter } : {}),
    };
  }
  let adapter: Adapter;
  try {
    adapter =
      'adapter' in plan.client
        ? plan.client.adapter
        : 'spec' in plan.client
          ? (await loadAdapter(plan.client.spec, factoryOptions)).adapter
          : await createProcessAdapter({ command: plan.client.command, ...factoryOptions });
  } catch (error) {
    throw asOptionError('command' in plan.client ? 'command' : 'adapter', error);
  }
  if (extra.guardAdapter) adapter = extra.guardAdapter(adapter);
  return { ...common, adapter, inProcess: !isOutOfProcess(adapter) };
}

/**
 * Runs the client conformance suite from your own code, exactly as `npx revoketoken-conformance`
 * does: the same cases, verdicts and replay lines. It resolves with what reporters see; a
 * failing client is a result, not an exception. Options it cannot use throw ConformanceOptionsError.
 *
 * ```ts
 * const { summary, results } = await runConformance({ adapter: './my-adapter.mjs', strict: true });
 * if (summary.failed > 0) console.log(results.filter((r) => r.classified.kind === 'fail').map((r) => r.replay));
 * ```
 * @public
 */
export async function runConformance(options: RunConformanceOptions = {}): Promise<ConformanceRun> {
  return runConformanceWith(options, {});
}

/** What only the CLI adds to a run: the failures file, and checks on the adapter it loaded. */
export interface CliRunExtras extends Pick<SessionExtras, 'guardAdapter' | 'sensitive'> {
  failures?: FailureRecorder;
}

/** runConformance with the CLI's extras. */
export async function runConformanceWith(options: RunConformanceOptions, extras: CliRunExtras): Promise<ConformanceRun> {
  const plan = await planConformance(options);
  const session = await sessionOptions(plan, {
    ...(extras.guardAdapter ? { guardAdapter: extras.guardAdapter } : {}),
    ...(extras.sensitive ? { sensitive: extras.sensitive } : {}),
  });
  try {
    return await runSuite({
      ...session,
      fixtures: plan.fixtures,
      properties: plan.properties,
      sequences: plan.sequences,
      reporters: options.reporters ?? [],
      ...(extras.failures ? { failures: extras.failures } : {}),
    });
  } catch (error) {
    // A module that fails to load (in its sandbox, or here) is an option the run cannot use.
    throw error instanceof AdapterLoadError ? asOptionError('adapter', error) : error;
  }
}
