#!/usr/bin/env node
// `npm run conformance`: load -> select -> run -> report, one small module each.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AdapterLoadError, isOutOfProcess, loadAdapter } from '../adapters/load.ts';
import { createProcessAdapter, ProcessAdapterError } from '../adapters/process.ts';
import { FixtureError, loadFixtures } from '../fixtures/load.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { humanReporter } from '../report/human.ts';
import { jsonReporter } from '../report/json.ts';
import { junitReporter } from '../report/junit.ts';
import type { Reporter } from '../report/reporter.ts';
import { ExpectationsError, loadExpectations, type Expectation } from '../run/expectations.ts';
import { runSuite } from '../run/runner.ts';
import { parseCliOptions, USAGE, UsageError, type CliOptions } from './options.ts';
import { loadRevisions } from '../model/revisions.ts';
import { selectCases } from './select.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';
import { serveFixture } from './serve.ts';
import { runServerCli } from '../server/cli/server-cli.ts';
import { isServerRun } from '../server/cli/server-options.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function reportersFor(options: CliOptions, io: CliIo): Reporter[] {
  return options.reporters.map((spec) => {
    switch (spec.kind) {
      case 'human':
        return humanReporter({ out: io.stdout, progress: io.stderr as NodeJS.WriteStream, verbose: options.verbose });
      case 'json':
        return jsonReporter(spec.path);
      case 'junit':
        return junitReporter(spec.path);
    }
  });
}

function defaultExpectationsPath(builtIn: string | undefined): string | undefined {
  if (!builtIn) return undefined;
  const path = fileURLToPath(new URL(`../expectations/${builtIn}.json`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const options = parseCliOptions(argv);
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
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
  const selected = selectCases(fixtures, CLIENT_PROPERTIES, options.filters);
  if (options.list) {
    for (const f of selected.fixtures) io.stdout.write(`fixture  ${f.id} [${f.level}] ${f.tags.join(' ')}\n`);
    for (const p of selected.properties) io.stdout.write(`property ${p.id} [${p.level}] ${p.tags.join(' ')}\n`);
    return EXIT.ok;
  }
  const factoryOptions = { caseTimeoutMs: options.caseTimeoutMs, region: options.region };
  const { adapter, builtIn } = options.command
    ? { adapter: await createProcessAdapter({ command: options.command, ...factoryOptions }), builtIn: undefined }
    : await loadAdapter(options.adapter, factoryOptions);
  const adapterFlags = options.command ? `--command ${JSON.stringify(options.command)}` : `--adapter ${options.adapter}`;
  const expectationsPath = options.expectations ?? defaultExpectationsPath(builtIn);
  const expectations: Expectation[] = expectationsPath ? loadExpectations(expectationsPath).expectations : [];
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
    replayFlags: [options.expectations ? `--expectations ${options.expectations}` : '', options.revision ? `--revision ${options.revision}` : ''].filter(Boolean).join(' ') || undefined,
    reporters: reportersFor(options, io),
  });
  if (summary.total - summary.notApplicable === 0) {
    io.stderr.write('conformance: nothing ran (every selected case was not applicable to this adapter)\n');
    return EXIT.usage;
  }
  return summary.failed + summary.unexpectedPasses > 0 ? EXIT.failed : EXIT.ok;
}

// Errors that mean the run could not start as asked (exit 2), not that a client failed.
const CONFIGURATION_ERRORS = [UsageError, AdapterLoadError, FixtureError, ExpectationsError, ProcessAdapterError];

/** The whole command: every error becomes a message and an exit code, never a stack trace for a user mistake. */
export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // --server judges a RevokeToken endpoint instead of a client (conformance/server/).
  if (isServerRun(argv)) return runServerCli(argv, io as never);
  try {
    return await main(argv, io);
  } catch (error) {
    const known = CONFIGURATION_ERRORS.some((type) => error instanceof type);
    const e = error as Error;
    io.stderr.write(`conformance: ${known ? e.message : (e.stack ?? e.message)}\n`);
    if (error instanceof UsageError) io.stderr.write('run with --help for the options\n');
    return EXIT.usage;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  quietenSdkNodeVersionWarning();
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
