#!/usr/bin/env node
// `npm run conformance`: load -> select -> run -> report, one small module each.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AdapterLoadError, BUILT_IN_ADAPTERS, isOutOfProcess, loadAdapter } from '../adapters/load.ts';
import { createProcessAdapter } from '../adapters/process-agent/process-adapter.ts';
import { ProcessAdapterError } from '../adapters/process-agent/types.ts';
import { FixtureError, loadFixtures } from '../fixtures/load.ts';
import { loadRevisions } from '../model/revisions.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { SensitiveValues } from '../redaction/redact.ts';
import { rulesOf } from '../rules/registry.ts';
import { checkExpectationTargets, type Expectation, ExpectationsError, loadExpectations } from '../run/expectations.ts';
import { FailuresFileError } from '../run/failures-file.ts';
import { runSuite } from '../run/runner.ts';
import { SelectionError, selectCases } from '../run/select-cases.ts';
import { runServerCli } from '../server/cli/server-cli.ts';
import { isServerRun } from '../server/cli/server-options.ts';
import { explainRule, listRules } from './explain.ts';
import { type CliIo, EXIT, runCommand, UsageError } from './flags.ts';
import { clientUsage, parseCliOptions } from './options.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';
import { expandReplayId, failureRecorder } from './replay-by-id.ts';
import { checkReporterPaths } from './reporter-paths.ts';
import { reportersFor } from './reporters.ts';
import { watchRun } from './run-watchdog.ts';
import { serveFixture } from './serve.ts';

function defaultExpectationsPath(builtIn: string | undefined): string | undefined {
  if (!builtIn) return undefined;
  const path = fileURLToPath(new URL(`../expectations/${builtIn}.json`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** The run's sensitive values, kept where the crash handler can redact with them. */
interface CrashRedaction {
  values: SensitiveValues;
}

async function main(argv: string[], io: CliIo, crash: CrashRedaction): Promise<number> {
  const options = parseCliOptions(argv);
  crash.values = new SensitiveValues(options.redact);
  if (options.help) {
    io.stdout.write(`${clientUsage(Object.keys(BUILT_IN_ADAPTERS))}\n`);
    return EXIT.ok;
  }
  if (options.listRules) {
    io.stdout.write(`${listRules('client')}\n`);
    return EXIT.ok;
  }
  const history = loadRevisions();
  const revision = history.revisions.find((r) => r.id === options.revision) ?? history.revisions.at(-1)!;
  const allFixtures = await loadFixtures();
  // A case applies from its revision on; 'YYYY-MM' ids compare as strings.
  const fixtures = allFixtures.filter((f) => f.since <= revision.id);
  if (options.serve) {
    await serveFixture(fixtures, options.filters, { region: options.region, redact: options.redact, out: io.stdout });
    return EXIT.ok;
  }
  if (options.explain !== undefined) {
    io.stdout.write(`${explainRule(options.explain, fixtures)}\n`);
    return EXIT.ok;
  }
  const chosen = new Set<unknown>(selectCases([...fixtures, ...CLIENT_PROPERTIES], options.filters, 'fixture or property'));
  const selected = { fixtures: fixtures.filter((f) => chosen.has(f)), properties: CLIENT_PROPERTIES.filter((p) => chosen.has(p)) };

  if (options.list) {
    for (const f of selected.fixtures) io.stdout.write(`fixture  ${f.id} [${f.level}] ${f.tags.join(' ')}\n`);
    for (const p of selected.properties) io.stdout.write(`property ${p.id} [${p.level}] ${p.tags.join(' ')}\n`);
    return EXIT.ok;
  }
  // Everything a run can be refused for is checked before the adapter is loaded or a case runs.
  if (options.replay !== undefined && (selected.properties.length !== 1 || selected.fixtures.length > 0)) {
    const fixture = selected.fixtures[0];
    throw new UsageError(
      `--replay replays a property's generated case; ${fixture ? `${fixture.id} is a fixture` : 'the filter selects no single property'}: leave out --replay`,
    );
  }
  checkReporterPaths(options.reporters);
  const builtInName = options.command === undefined && Object.hasOwn(BUILT_IN_ADAPTERS, options.adapter) ? options.adapter : undefined;
  const expectationsPath = options.expectations ?? defaultExpectationsPath(builtInName);
  let expectations: Expectation[] = [];
  if (expectationsPath) {
    const file = loadExpectations(expectationsPath);
    checkExpectationTargets(file, expectationsPath, {
      cases: new Set([...allFixtures.map((f) => f.id), ...CLIENT_PROPERTIES.map((p) => p.id)]),
      rules: new Set(rulesOf('client').map((r) => r.id)),
      what: 'fixture or property',
    });
    expectations = file.expectations;
  }
  const factoryOptions = { caseTimeoutMs: options.caseTimeoutMs, region: options.region, startTimeoutMs: options.startTimeoutMs };
  const { adapter: loaded } = options.command
    ? { adapter: await createProcessAdapter({ command: options.command, ...factoryOptions }) }
    : await loadAdapter(options.adapter, factoryOptions);
  const watchdog = watchRun(loaded, { runTimeoutMs: options.runTimeoutMs });
  const adapter = watchdog.adapter;
  const adapterFlags = options.command ? `--command ${JSON.stringify(options.command)}` : `--adapter ${options.adapter}`;
  const { summary } = await runSuite({
    adapter,
    adapterFlags,
    fixtures: selected.fixtures,
    properties: selected.properties,
    strict: options.strict,
    seed: options.seed,
    runs: options.runs,
    replayPath: options.replay,
    expectations,
    region: options.region,
    caseTimeoutMs: options.caseTimeoutMs,
    redact: options.redact,
    inProcess: !isOutOfProcess(adapter),
    unsignedRequired: !revision.signed,
    replayFlags:
      [
        options.expectations ? `--expectations ${options.expectations}` : '',
        options.revision ? `--revision ${options.revision}` : '',
        argv.some((a) => a.startsWith('--case-timeout')) ? `--case-timeout ${options.caseTimeoutMs}` : '',
      ]
        .filter(Boolean)
        .join(' ') || undefined,
    reporters: reportersFor(options.reporters, io, { verbose: options.verbose, quiet: options.quiet }),
    failures: failureRecorder(argv, io.cwd ?? process.cwd()),
    sensitive: crash.values,
  });
  // A watchdog that tripped fails the run even when every case passed: something hung.
  for (const trip of watchdog.tripped()) io.stderr.write(`conformance: ${trip}\n`);
  if (watchdog.tripped().length > 0) return EXIT.failed;
  if (summary.total - summary.notApplicable === 0) {
    io.stderr.write('conformance: nothing ran (every selected case was not applicable to this adapter)\n');
    return EXIT.usage;
  }
  return summary.failed + summary.unexpectedPasses > 0 ? EXIT.failed : EXIT.ok;
}

// How long a finished run waits for what the adapter left behind before it exits anyway.
const EXIT_GRACE_MS = 3_000;

// Errors that mean the run could not start as asked (exit 2), not that a client failed.
const CONFIGURATION_ERRORS = [AdapterLoadError, FixtureError, ExpectationsError, ProcessAdapterError, SelectionError, FailuresFileError];

/** The whole command: every error becomes a message and an exit code, never a stack trace for a user mistake. */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // `--replay <id>` stands for the command line the failures file keeps under that id.
  let expanded: string[];
  try {
    expanded = expandReplayId(argv, io.cwd ?? process.cwd());
  } catch (error) {
    if (!(error instanceof FailuresFileError)) throw error;
    io.stderr.write(`conformance: ${error.message}\n`);
    return EXIT.usage;
  }
  // --server judges a RevokeToken endpoint instead of a client (conformance/server/).
  if (isServerRun(expanded)) return runServerCli(expanded, io, failureRecorder(expanded, io.cwd ?? process.cwd()));
  // Until the flags are read nothing sensitive is known; a crash after that is redacted with every value the run saw.
  const crash: CrashRedaction = { values: new SensitiveValues() };
  return runCommand(() => main(expanded, io, crash), io, {
    configurationErrors: CONFIGURATION_ERRORS,
    helpHint: 'run with --help for the options',
    redact: (text) => crash.values.redact(text),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  quietenSdkNodeVersionWarning();
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // The last watchdog: a timer, socket or child the adapter left behind must not keep a
    // finished run alive (CI would wait for ever). The timer itself keeps nothing alive.
    setTimeout(() => {
      process.stderr.write('conformance: the run is over but something the adapter started kept the process alive; exiting\n');
      process.exit(code);
    }, EXIT_GRACE_MS).unref();
  });
}
