#!/usr/bin/env node
// `npm run conformance`: load -> select -> run -> report, one small module each.
import { fileURLToPath } from 'node:url';
import { AdapterLoadError, BUILT_IN_ADAPTERS } from '../adapters/load.ts';
import { ProcessAdapterError } from '../adapters/process-agent/types.ts';
import { FixtureError } from '../fixtures/load.ts';
import { SensitiveValues } from '../redaction/redact.ts';
import { ExpectationsError } from '../run/expectations.ts';
import { FailuresFileError } from '../run/failures-file.ts';
import { ConformanceOptionsError, fixturesForRevision, runConformanceWith, selectConformanceCases } from '../run/run-conformance.ts';
import { SelectionError } from '../run/select-cases.ts';
import { runServerCli } from '../server/cli/server-cli.ts';
import { isServerRun } from '../server/cli/server-options.ts';
import { ConfigFileError, withConfigFile } from './config-file.ts';
import { explainRule, listRules } from './explain.ts';
import { type CliIo, COMMON_FLAGS, EXIT, runCommand, UsageError } from './flags.ts';
import { CLIENT_FLAGS, clientUsage, parseCliOptions } from './options.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';
import { expandReplayId, failureRecorder } from './replay-by-id.ts';
import { checkReporterPaths } from './reporter-paths.ts';
import { reportersFor } from './reporters.ts';
import { type RunWatchdog, watchRun } from './run-watchdog.ts';
import { serveFixture } from './serve.ts';

/** The run's sensitive values, kept where the crash handler can redact with them. */
interface CrashRedaction {
  values: SensitiveValues;
}

/** The command line with the working directory's conformance.config.* under it (flags win). */
async function argvWithConfigFile(argv: string[], cwd: string): Promise<string[]> {
  const table = { ...CLIENT_FLAGS, ...COMMON_FLAGS };
  const merged = await withConfigFile(argv, table, cwd);
  if (merged.fileArgv === undefined) return merged.argv;
  // The file's settings are checked alone first, so a bad value there is reported with the file's name.
  try {
    parseCliOptions(merged.fileArgv);
  } catch (error) {
    if (error instanceof UsageError) throw new ConfigFileError(`${merged.file}: ${error.message}`);
    throw error;
  }
  return merged.argv;
}

async function main(commandLine: string[], io: CliIo, crash: CrashRedaction): Promise<number> {
  const argv = await argvWithConfigFile(commandLine, io.cwd ?? process.cwd());
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
      io.stdout.write(`${explainRule(options.explain, fixtures)}\n`);
    } else {
      const selected = selectConformanceCases(fixtures, options.filters);
      for (const f of selected.fixtures) io.stdout.write(`fixture  ${f.id} [${f.level}] ${f.tags.join(' ')}\n`);
      for (const p of selected.properties) io.stdout.write(`property ${p.id} [${p.level}] ${p.tags.join(' ')}\n`);
      for (const q of selected.sequences) io.stdout.write(`sequence ${q.id} [${q.level}] ${q.tags.join(' ')}\n`);
    }
    return EXIT.ok;
  }
  // A reporter that could not write its file is refused before anything runs.
  checkReporterPaths(options.reporters);
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
        reporters: reportersFor(options.reporters, io, { verbose: options.verbose, quiet: options.quiet }),
      },
      {
        failures: failureRecorder(argv, io.cwd ?? process.cwd()),
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
