// `npm run conformance -- --server ...`: the server half of the command line. The CLI's
// entry point hands it the arguments when --server is among them (see isServerRun).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { humanReporter } from '../../report/human.ts';
import { jsonReporter } from '../../report/json.ts';
import { junitReporter } from '../../report/junit.ts';
import type { Reporter } from '../../report/reporter.ts';
import { ExpectationsError, loadExpectations } from '../../run/expectations.ts';
import { LaneError, startCognitoLocal, type StartedServer } from '../lanes/cognito-local.ts';
import { startMoto } from '../lanes/moto.ts';
import { informationalReporter } from '../report/informational.ts';
import { runServerSuite } from '../run-server-suite.ts';
import { selectServerCases, ServerSuiteConfigError } from '../run/select-server-cases.ts';
import { SERVER_CASES } from '../server-cases.ts';
import { EndpointSafetyError } from '../wire/endpoint-safety.ts';
import { parseServerCliOptions, SERVER_USAGE, ServerUsageError, type ServerCliOptions } from './server-options.ts';

/** @internal */
export const SERVER_EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** @internal */
export interface ServerCliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function reportersFor(options: ServerCliOptions, io: ServerCliIo): Reporter[] {
  return options.reporters.flatMap((spec): Reporter[] => {
    switch (spec.kind) {
      case 'human':
        return [humanReporter({ out: io.stdout, progress: io.stderr as NodeJS.WriteStream, verbose: options.verbose }), informationalReporter({ out: io.stdout, verbose: options.verbose })];
      case 'json':
        return [jsonReporter(spec.path)];
      case 'junit':
        return [junitReporter(spec.path)];
    }
  });
}

const bundledExpectations = (name: string) => fileURLToPath(new URL(`../../expectations/${name}.json`, import.meta.url));

/** The emulators `--server <name>` starts for the run, each with its expectations file of the same name. */
const LANES: Readonly<Record<string, () => Promise<StartedServer>>> = {
  'cognito-local': () => startCognitoLocal(),
  moto: () => startMoto(),
};

async function main(argv: readonly string[], io: ServerCliIo): Promise<number> {
  const options = parseServerCliOptions(argv);
  if (options.help) {
    io.stdout.write(`${SERVER_USAGE}\n`);
    return SERVER_EXIT.ok;
  }
  if (options.list) {
    for (const c of selectServerCases(SERVER_CASES, options.filters)) io.stdout.write(`${c.kind === 'fixture' ? 'fixture ' : 'property'} ${c.id} [${c.level}] ${c.tags.join(' ')}\n`);
    return SERVER_EXIT.ok;
  }
  const lane = options.server !== undefined && Object.hasOwn(LANES, options.server) ? options.server : undefined;
  const expectationsPath = options.expectations ?? (lane && existsSync(bundledExpectations(lane)) ? bundledExpectations(lane) : undefined);
  const expectations = expectationsPath ? loadExpectations(expectationsPath).expectations : [];
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
      strict: options.strict,
      filters: options.filters,
      expectations,
      unverified: options.unverified,
      redact: options.redact,
      reporters: reportersFor(options, io),
    });
    if (summary.failed + summary.unexpectedPasses > 0) return SERVER_EXIT.failed;
    if (summary.total - summary.notApplicable === 0) {
      io.stderr.write('conformance: nothing ran (the request budget ran out before the first case)\n');
      return SERVER_EXIT.usage;
    }
    if (summary.budgetExhausted) {
      io.stderr.write(`conformance: the request budget ran out after ${summary.requests} requests, so some cases did not run; raise --max-requests\n`);
      return SERVER_EXIT.usage;
    }
    return SERVER_EXIT.ok;
  } finally {
    await started?.close();
  }
}

const CONFIGURATION_ERRORS = [ServerUsageError, ServerSuiteConfigError, EndpointSafetyError, ExpectationsError, LaneError];

/**
 * Runs a server conformance run from command-line arguments and returns the exit code. Every
 * configuration problem becomes one message on stderr and exit code 2, never a stack trace.
 * @public
 */
export async function runServerCli(argv: readonly string[], io: ServerCliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    const known = CONFIGURATION_ERRORS.some((type) => error instanceof type);
    const e = error as Error;
    io.stderr.write(`conformance: ${known ? e.message : (e.stack ?? e.message)}\n`);
    if (error instanceof ServerUsageError) io.stderr.write('run with --server --help for the options\n');
    return SERVER_EXIT.usage;
  }
}

