// `npm run conformance -- --server ...`: the server half of the command line. The CLI's
// entry point hands it the arguments when --server is among them (see isServerRun).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { explain, listRules } from '../../cli/explain.ts';
import { type CliIo, EXIT, runCommand } from '../../cli/flags.ts';
import { checkReporterPaths } from '../../cli/reporter-paths.ts';
import { reportersFor } from '../../cli/reporters.ts';
import { serverRunInputs } from '../../cli/run-inputs.ts';
import { loadFixtures } from '../../fixtures/load.ts';
import { packageRoot } from '../../package-root.ts';
import { rulesOf } from '../../rules/registry.ts';
import { checkExpectationTargets, ExpectationsError, loadExpectations } from '../../run/expectations.ts';
import type { FailureRecorder } from '../../run/failures-file.ts';
import { SelectionError, selectCases } from '../../run/select-cases.ts';
import { LaneError, type StartedServer, startCognitoLocal } from '../lanes/cognito-local.ts';
import { informationalReporter } from '../report/informational.ts';
import { runServerSuite } from '../run-server-suite.ts';
import { SERVER_CASES } from '../server-cases.ts';
import { ServerSuiteConfigError } from '../server-suite-config-error.ts';
import { EndpointSafetyError } from '../wire/endpoint-safety.ts';
import { parseServerCliOptions, SERVER_USAGE } from './server-options.ts';

// Found from the package root, so the same path works from the sources and from dist/.
const bundledExpectations = (name: string) => join(packageRoot, 'conformance', 'expectations', `${name}.json`);

/** The emulators `--server <name>` starts for the run, each with its expectations file of the same name. */
const LANES: Readonly<Record<string, () => Promise<StartedServer>>> = {
  'cognito-local': () => startCognitoLocal(),
  // Loaded on demand: the moto lane builds a Python venv with the repository's toolchain scripts.
  moto: async () => {
    // The moto lane's Python scripts are not in the installed package.
    const lane = await import('../lanes/moto.ts').catch((error: Error) => {
      throw new LaneError(`the moto lane runs from a clone of the repository (${error.message})`);
    });
    return lane.startMoto();
  },
  ministack: async () => {
    // Like moto's, the MiniStack lane's venv and launcher are in the repository, not the package.
    const lane = await import('../lanes/ministack.ts').catch((error: Error) => {
      throw new LaneError(`the ministack lane runs from a clone of the repository (${error.message})`);
    });
    return lane.startMiniStack();
  },
  fakecloud: async () => {
    // fakecloud is built from crates.io into the clone's .cache/ (or a shared cache) and never shipped: it is AGPL-3.0.
    const lane = await import('../lanes/fakecloud.ts').catch((error: Error) => {
      throw new LaneError(`the fakecloud lane runs from a clone of the repository (${error.message})`);
    });
    return lane.startFakecloud();
  },
};

async function main(argv: readonly string[], io: CliIo, failures: FailureRecorder | undefined): Promise<number> {
  const options = parseServerCliOptions(argv);
  if (options.help) {
    io.stdout.write(`${SERVER_USAGE}\n`);
    return EXIT.ok;
  }
  if (options.listRules) {
    io.stdout.write(`${listRules('server')}\n`);
    return EXIT.ok;
  }
  if (options.explain !== undefined) {
    io.stdout.write(`${explain(options.explain, await loadFixtures())}\n`);
    return EXIT.ok;
  }
  if (options.list) {
    for (const c of selectCases(SERVER_CASES, options.filters, 'server case'))
      io.stdout.write(`${c.kind === 'scripted' ? 'scripted ' : 'generated'} ${c.id} [${c.level}] ${c.tags.join(' ')}\n`);
    return EXIT.ok;
  }
  const lane = options.server !== undefined && Object.hasOwn(LANES, options.server) ? options.server : undefined;
  const expectationsPath = options.expectations ?? (lane && existsSync(bundledExpectations(lane)) ? bundledExpectations(lane) : undefined);
  checkReporterPaths(options.reporters, serverRunInputs(expectationsPath, io.cwd ?? process.cwd()));
  let expectations: Awaited<ReturnType<typeof loadExpectations>>['expectations'] = [];
  if (expectationsPath) {
    const file = await loadExpectations(expectationsPath);
    checkExpectationTargets(file, expectationsPath, {
      cases: new Set(SERVER_CASES.map((c) => c.id)),
      rules: new Set(rulesOf('server').map((r) => r.id)),
      what: 'server case',
    });
    expectations = file.expectations;
  }
  let started: StartedServer | undefined;
  try {
    if (lane) started = await LANES[lane]!();
    const { summary } = await runServerSuite({
      ...(started ? { endpoint: started.url, serverName: started.name, serverFlags: `--server ${lane}` } : {}),
      ...(!lane && options.server !== undefined ? { endpoint: options.server } : {}),
      allowRemote: options.allowRemote,
      region: options.region,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.runs !== undefined ? { runs: options.runs } : {}),
      ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}),
      ...(options.rate !== undefined ? { ratePerSecond: options.rate } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.replay ? { replay: options.replay } : {}),
      ...(failures ? { failures } : {}),
      strict: options.strict,
      filters: options.filters,
      expectations,
      unverified: options.unverified,
      redact: options.redact,
      reporters: reportersFor(options.reporters, io, {
        verbose: options.verbose,
        quiet: options.quiet,
        alongsideHuman: () => [informationalReporter({ out: io.stdout, verbose: options.verbose })],
      }),
    });
    if (summary.failed + summary.unexpectedPasses > 0) return EXIT.failed;
    if (summary.total - summary.notApplicable === 0) {
      io.stderr.write('conformance: nothing ran (the request budget ran out before the first case)\n');
      return EXIT.usage;
    }
    if (summary.budgetExhausted) {
      io.stderr.write(`conformance: the request budget ran out after ${summary.requests} requests, so some cases did not run; raise --max-requests\n`);
      return EXIT.usage;
    }
    return EXIT.ok;
  } finally {
    await started?.close();
  }
}

const CONFIGURATION_ERRORS = [ServerSuiteConfigError, SelectionError, EndpointSafetyError, ExpectationsError, LaneError];

/**
 * Runs a server conformance run from command-line arguments and returns the exit code. Every
 * configuration problem becomes one message on stderr and exit code 2, never a stack trace.
 * @internal
 */
export async function runServerCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
  failures?: FailureRecorder,
): Promise<number> {
  return runCommand(() => main(argv, io, failures), io, { configurationErrors: CONFIGURATION_ERRORS, helpHint: 'run with --server --help for the options' });
}
