#!/usr/bin/env node
// `npm run conformance`: load -> select -> run -> report, one small module each.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdapterLoadError, BUILT_IN_ADAPTERS } from '../adapters/load.ts';
import { ProcessAdapterError } from '../adapters/process-agent/types.ts';
import { InputFileError, readInputFile } from '../files/read-input-file.ts';
import { FixtureError } from '../fixtures/load.ts';
import { runProxyCli } from '../proxy/cli/proxy-cli.ts';
import { SensitiveValues } from '../redaction/redact.ts';
import { ExpectationsError } from '../run/expectations.ts';
import { FailuresFileError } from '../run/failures-file.ts';
import { ConformanceOptionsError, fixturesForRevision, runConformanceWith, selectConformanceCases } from '../run/run-conformance.ts';
import { SelectionError } from '../run/select-cases.ts';
import { runServerCli } from '../server/cli/server-cli.ts';
import { isServerRun, parseServerCliOptions } from '../server/cli/server-options.ts';
import { CONFIG_FLAGS, ConfigFileError, findConfigFile, withConfigFile } from './config-file.ts';
import { explain, listRules } from './explain.ts';
import { type CliIo, EXIT, runCommand, UsageError } from './flags.ts';
import { clientUsage, parseCliOptions } from './options.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';
import { type ExpandedReplay, expandReplayId, openRunFailures } from './replay-by-id.ts';
import { asksForReplayFailed, replayFailed } from './replay-failed.ts';
import { checkReporterPaths } from './reporter-paths.ts';
import { reportersFor } from './reporters.ts';
import { clientRunInputs } from './run-inputs.ts';
import { type RunWatchdog, watchRun } from './run-watchdog.ts';
import { serveFixture } from './serve.ts';

/** The run's sensitive values, kept where the crash handler can redact with them. */
interface CrashRedaction {
  values: SensitiveValues;
}

/** The command line with the working directory's conformance.config.* under it (flags win), in either direction. */
async function argvWithConfigFile(argv: string[], cwd: string): Promise<string[]> {
  const merged = await withConfigFile(argv, CONFIG_FLAGS, cwd);
  if (merged.fileArgv === undefined) return merged.argv;
  // The file's settings are checked alone first, so a bad value there is reported with the file's name.
  try {
    if (merged.server) parseServerCliOptions(merged.fileArgv);
    else parseCliOptions(merged.fileArgv);
  } catch (error) {
    if (error instanceof UsageError) throw new ConfigFileError(`${merged.file}: ${error.message}`);
    throw error;
  }
  return merged.argv;
}

/** Whether a command line names the client (--adapter or --command), in either token form. */
const namesClient = (argv: readonly string[]) => argv.some((a) => ['--adapter', '--command'].includes(a.split('=')[0]!));

/** 64 MiB: a bundled adapter with a whole SDK inside is a few MiB. */
const MAX_ADAPTER_MODULE_BYTES = 64 * 1024 * 1024;

/**
 * The adapter module's path, checked without reading it: a FIFO or a device would block its
 * import in native code, where no timeout reaches. A missing file is left to the loader's message.
 */
async function checkAdapterModule(spec: string): Promise<void> {
  try {
    await readInputFile(resolve(spec), { maxBytes: MAX_ADAPTER_MODULE_BYTES, readContent: false });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    if (error.problem !== 'no such file') throw new AdapterLoadError(`--adapter ${spec}: ${error.problem}`);
  }
}

/** The user's own file a report can point at: their adapter module, else their config file. */
function usersFileOf(options: { command?: string | undefined; adapter: string }, cwd: string): string | undefined {
  if (options.command === undefined && !Object.hasOwn(BUILT_IN_ADAPTERS, options.adapter)) return resolve(cwd, options.adapter);
  return findConfigFile(cwd);
}

/** A client run; `argv` already carries the config file's settings (read before routing). */
async function main(argv: string[], replay: ExpandedReplay, io: CliIo, crash: CrashRedaction): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  // A stored failure never names a module or a command: the user's own command line or config file must.
  if (replay.needsClient !== undefined && !namesClient(argv)) throw new FailuresFileError(replay.needsClient);
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
  if (options.serve || options.explain !== undefined || options.list) {
    const { fixtures } = await fixturesForRevision(options.revision);
    if (options.serve) {
      await serveFixture(fixtures, options.filters, { region: options.region, redact: options.redact, out: io.stdout });
    } else if (options.explain !== undefined) {
      io.stdout.write(`${explain(options.explain, fixtures)}\n`);
    } else {
      const selected = selectConformanceCases(fixtures, options.filters);
      for (const f of selected.fixtures) io.stdout.write(`fixture  ${f.id} [${f.level}] ${f.tags.join(' ')}\n`);
      for (const p of selected.properties) io.stdout.write(`property ${p.id} [${p.level}] ${p.tags.join(' ')}\n`);
      for (const q of selected.sequences) io.stdout.write(`sequence ${q.id} [${q.level}] ${q.tags.join(' ')}\n`);
    }
    return EXIT.ok;
  }
  // A reporter that could not write its file is refused before anything runs.
  // No report may replace what the run reads: the adapter, expectations, config file, fixtures, failures file.
  checkReporterPaths(options.reporters, clientRunInputs(options, options.help ? undefined : findConfigFile(cwd), cwd));
  if (options.command === undefined && !Object.hasOwn(BUILT_IN_ADAPTERS, options.adapter)) await checkAdapterModule(options.adapter);
  // Found before the first case: a failures file that cannot be used costs the replay ids, never the run or its reports.
  const failures = await openRunFailures(argv, cwd);
  if (failures.problem !== undefined) io.stderr.write(`conformance: warning: ${failures.problem}\n`);
  let watchdog: RunWatchdog | undefined;
  let summary;
  try {
    ({ summary } = await runConformanceWith(
      {
        ...(options.command !== undefined ? { command: options.command } : { adapter: options.adapter }),
        filters: options.filters,
        strict: options.strict,
        seed: options.seed,
        ...(options.runs !== undefined ? { runs: options.runs } : {}),
        ...(options.replay !== undefined ? { replayPath: options.replay } : {}),
        ...(options.expectations !== undefined ? { expectations: options.expectations } : {}),
        ...(options.revision !== undefined ? { revision: options.revision } : {}),
        region: options.region,
        // Given on the command line, it is part of the replay line too.
        ...(argv.some((a) => a.startsWith('--case-timeout')) ? { caseTimeoutMs: options.caseTimeoutMs } : {}),
        // Given on the command line, it bounds the sandbox's load and close too; else the sandbox's own bounds hold.
        ...(argv.some((a) => a.startsWith('--start-timeout')) ? { startTimeoutMs: options.startTimeoutMs } : {}),
        redact: options.redact,
        isolate: options.isolate,
        reporters: reportersFor(options.reporters, io, { verbose: options.verbose, quiet: options.quiet, usersFile: usersFileOf(options, cwd) }),
      },
      {
        failures,
        sensitive: crash.values,
        guardAdapter: (loaded) => {
          watchdog = watchRun(loaded, { runTimeoutMs: options.runTimeoutMs });
          return watchdog.adapter;
        },
      },
    ));
  } catch (error) {
    // The loaders' own errors name the flag (--adapter x: ...): the CLI shows those, not the option.
    if (error instanceof ConformanceOptionsError && error.cause instanceof Error) throw error.cause;
    const flag = error instanceof ConformanceOptionsError ? FLAG_OF_OPTION[error.option] : undefined;
    if (error instanceof ConformanceOptionsError && flag) throw new UsageError(`${flag} ${error.detail}`);
    throw error;
  } finally {
    // After the reports: the file is written once, from memory, and a problem is a warning.
    const problem = await failures.save();
    if (problem !== undefined) io.stderr.write(`conformance: warning: ${problem}\n`);
  }
  // A watchdog that tripped fails the run even when every case passed: something hung.
  const trips = watchdog?.tripped() ?? [];
  for (const trip of trips) io.stderr.write(`conformance: ${trip}\n`);
  if (trips.length > 0) return EXIT.failed;
  if (summary.total - summary.notApplicable === 0) {
    io.stderr.write('conformance: nothing ran (every selected case was not applicable to this adapter)\n');
    return EXIT.usage;
  }
  return summary.failed + summary.unexpectedPasses > 0 ? EXIT.failed : EXIT.ok;
}

// The flag the CLI has for a runConformance option whose error names no loader's flag.
const FLAG_OF_OPTION: Readonly<Record<string, string>> = { replayPath: '--replay' };

// How long a finished run waits for what the adapter left behind before it exits anyway.
const EXIT_GRACE_MS = 3_000;

// Errors that mean the run could not start as asked (exit 2), not that a client failed.
const CONFIGURATION_ERRORS = [
  AdapterLoadError,
  ConfigFileError,
  FixtureError,
  ExpectationsError,
  ProcessAdapterError,
  SelectionError,
  FailuresFileError,
  ConformanceOptionsError,
];

/** A server run, with its failures file opened before the first case and written after the reports. */
async function serverRun(argv: string[], io: CliIo, cwd: string): Promise<number> {
  const runsNoSuite = argv.some((a) => ['--help', '-h', '--list', '--explain'].includes(a.split('=')[0]!));
  if (runsNoSuite) return runServerCli(argv, io);
  const failures = await openRunFailures(argv, cwd);
  if (failures.problem !== undefined) io.stderr.write(`conformance: warning: ${failures.problem}\n`);
  try {
    return await runServerCli(argv, io, failures);
  } finally {
    const problem = await failures.save();
    if (problem !== undefined) io.stderr.write(`conformance: warning: ${problem}\n`);
  }
}

/** The whole command: every error becomes a message and an exit code, never a stack trace for a user mistake. */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  // `proxy`: the judging proxy between an app and an endpoint (conformance/proxy/); a command of its own, with its own flags.
  if (argv[0] === 'proxy') return runProxyCli(argv.slice(1), io);
  // `--replay failed`: every stored failure, each replayed as `--replay <id>`.
  if (asksForReplayFailed(argv)) return replayFailed(argv, io, (one) => runCli(one, io));
  // `--replay <id>` stands for the case and flags the failures file keeps under that id.
  let expanded: ExpandedReplay;
  try {
    expanded = await expandReplayId(argv, cwd);
  } catch (error) {
    if (!(error instanceof FailuresFileError)) throw error;
    io.stderr.write(`conformance: ${error.message}\n`);
    return EXIT.usage;
  }
  for (const note of expanded.notes) io.stderr.write(`conformance: ${note}\n`);
  // Until the flags are read nothing sensitive is known; a crash after that is redacted with every value the run saw.
  const crash: CrashRedaction = { values: new SensitiveValues() };
  return runCommand(
    async () => {
      // The config file may choose the direction (its "server" key), so it is read before the command is routed.
      const argv = await argvWithConfigFile(expanded.argv, cwd);
      // --server judges a RevokeToken endpoint instead of a client (conformance/server/).
      if (isServerRun(argv)) return serverRun(argv, io, cwd);
      return main(argv, expanded, io, crash);
    },
    io,
    {
      configurationErrors: CONFIGURATION_ERRORS,
      helpHint: 'run with --help for the options',
      redact: (text) => crash.values.redact(text),
    },
  );
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
