#!/usr/bin/env node
// `npm run conformance`: load -> select -> run -> report, one small module each.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AdapterLoadError, BUILT_IN_ADAPTERS, isOutOfProcess, loadAdapter, OUT_OF_PROCESS_BUILT_INS } from '../adapters/load.ts';
import { createProcessAdapter } from '../adapters/process-agent/process-adapter.ts';
import { ProcessAdapterError } from '../adapters/process-agent/types.ts';
import { FixtureError, loadFixtures } from '../fixtures/load.ts';
import { loadRevisions } from '../model/revisions.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { type Expectation, ExpectationsError, loadExpectations } from '../run/expectations.ts';
import { runSuite } from '../run/runner.ts';
import { SelectionError, selectCases } from '../run/select-cases.ts';
import { runServerCli } from '../server/cli/server-cli.ts';
import { isServerRun } from '../server/cli/server-options.ts';
import { explainRule, listRules } from './explain.ts';
import { type CliIo, EXIT, runCommand } from './flags.ts';
import { clientUsage, parseCliOptions } from './options.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';
import { reportersFor } from './reporters.ts';
import { serveFixture } from './serve.ts';

function defaultExpectationsPath(builtIn: string | undefined): string | undefined {
  if (!builtIn) return undefined;
  const path = fileURLToPath(new URL(`../expectations/${builtIn}.json`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

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
  const history = loadRevisions();
  const revision = history.revisions.find((r) => r.id === options.revision) ?? history.revisions.at(-1)!;
  // A case applies from its revision on; 'YYYY-MM' ids compare as strings.
  const fixtures = (await loadFixtures()).filter((f) => f.since <= revision.id);
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
  const factoryOptions = { caseTimeoutMs: options.caseTimeoutMs, region: options.region };
  // An in-process adapter named by --adapter runs in a sandbox (a worker thread) that runSuite
  // starts; process clients are driven from this thread.
  const sandboxed = !options.command && !OUT_OF_PROCESS_BUILT_INS.has(options.adapter);
  const { adapter, builtIn } = options.command
    ? { adapter: await createProcessAdapter({ command: options.command, ...factoryOptions }), builtIn: undefined }
    : sandboxed
      ? { adapter: undefined, builtIn: options.adapter in BUILT_IN_ADAPTERS ? options.adapter : undefined }
      : await loadAdapter(options.adapter, factoryOptions);
  const adapterFlags = options.command ? `--command ${JSON.stringify(options.command)}` : `--adapter ${options.adapter}`;
  const expectationsPath = options.expectations ?? defaultExpectationsPath(builtIn);
  const expectations: Expectation[] = expectationsPath ? loadExpectations(expectationsPath).expectations : [];
  const { summary } = await runSuite({
    ...(adapter ? { adapter, inProcess: !isOutOfProcess(adapter) } : { adapterModule: options.adapter }),
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
    unsignedRequired: !revision.signed,
    replayFlags:
      [options.expectations ? `--expectations ${options.expectations}` : '', options.revision ? `--revision ${options.revision}` : '']
        .filter(Boolean)
        .join(' ') || undefined,
    reporters: reportersFor(options.reporters, io, { verbose: options.verbose }),
  });
  if (summary.total - summary.notApplicable === 0) {
    io.stderr.write('conformance: nothing ran (every selected case was not applicable to this adapter)\n');
    return EXIT.usage;
  }
  return summary.failed + summary.unexpectedPasses > 0 ? EXIT.failed : EXIT.ok;
}

// Errors that mean the run could not start as asked (exit 2), not that a client failed.
const CONFIGURATION_ERRORS = [AdapterLoadError, FixtureError, ExpectationsError, ProcessAdapterError, SelectionError];

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
