#!/usr/bin/env node
// `npm run conformance`: load -> select -> run -> report, one small module each.
import { fileURLToPath } from 'node:url';
import { AdapterLoadError, BUILT_IN_ADAPTERS } from '../adapters/load.ts';
import { ProcessAdapterError } from '../adapters/process-agent/types.ts';
import { FixtureError } from '../fixtures/load.ts';
import { ExpectationsError } from '../run/expectations.ts';
import { ConformanceOptionsError, fixturesForRevision, runConformance, selectConformanceCases } from '../run/run-conformance.ts';
import { SelectionError } from '../run/select-cases.ts';
import { runServerCli } from '../server/cli/server-cli.ts';
import { isServerRun } from '../server/cli/server-options.ts';
import { explainRule, listRules } from './explain.ts';
import { type CliIo, EXIT, runCommand } from './flags.ts';
import { clientUsage, parseCliOptions } from './options.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';
import { reportersFor } from './reporters.ts';
import { serveFixture } from './serve.ts';

async function main(argv: string[], io: CliIo): Promise<number> {
  const options = parseCliOptions(argv);
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
    }
    return EXIT.ok;
  }
  let summary;
  try {
    ({ summary } = await runConformance({
      ...(options.command !== undefined ? { command: options.command } : { adapter: options.adapter }),
      filters: options.filters,
      strict: options.strict,
      seed: options.seed,
      ...(options.runs !== undefined ? { runs: options.runs } : {}),
      ...(options.replay !== undefined ? { replayPath: options.replay } : {}),
      ...(options.expectations !== undefined ? { expectations: options.expectations } : {}),
      ...(options.revision !== undefined ? { revision: options.revision } : {}),
      region: options.region,
      caseTimeoutMs: options.caseTimeoutMs,
      redact: options.redact,
      reporters: reportersFor(options.reporters, io, { verbose: options.verbose }),
    }));
  } catch (error) {
    // The loaders' own errors name the flag (--adapter x: ...): the CLI shows those, not the option.
    if (error instanceof ConformanceOptionsError && error.cause instanceof Error) throw error.cause;
    throw error;
  }
  if (summary.total - summary.notApplicable === 0) {
    io.stderr.write('conformance: nothing ran (every selected case was not applicable to this adapter)\n');
    return EXIT.usage;
  }
  return summary.failed + summary.unexpectedPasses > 0 ? EXIT.failed : EXIT.ok;
}

// Errors that mean the run could not start as asked (exit 2), not that a client failed.
const CONFIGURATION_ERRORS = [AdapterLoadError, FixtureError, ExpectationsError, ProcessAdapterError, SelectionError, ConformanceOptionsError];

/** The whole command: every error becomes a message and an exit code, never a stack trace for a user mistake. */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // --server judges a RevokeToken endpoint instead of a client (conformance/server/).
  if (isServerRun(argv)) return runServerCli(argv, io);
  return runCommand(() => main(argv, io), io, { configurationErrors: CONFIGURATION_ERRORS, helpHint: 'run with --help for the options' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  quietenSdkNodeVersionWarning();
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
