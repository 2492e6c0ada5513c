import { parseArgs } from 'node:util';
import type { UnverifiedExpectation, UnverifiedExpectations } from '../semantics/unverified.ts';
import { parseUnverifiedExpectation } from '../semantics/unverified.ts';

/** A bad flag or value for a server run: reported with the flag's name, exit code 2. @public */
export class ServerUsageError extends Error {
  override name = 'ServerUsageError';
}

/** @internal */
export type ServerReporterSpec = { kind: 'human' } | { kind: 'json' | 'junit'; path: string };

/** What `npm run conformance -- --server ...` was asked to do. @internal */
export interface ServerCliOptions {
  /** Absent: the reference server on loopback; `cognito-local` or `moto`: that pinned emulator, started for the run; else a URL. */
  server?: string;
  allowRemote: boolean;
  maxRequests?: number;
  rate?: number;
  requestTimeoutMs?: number;
  unverified: UnverifiedExpectations;
  strict: boolean;
  seed?: number;
  runs?: number;
  filters: string[];
  reporters: ServerReporterSpec[];
  expectations?: string;
  replay?: { path: string; commandsReplayPath?: string };
  region: string;
  redact: boolean;
  verbose: boolean;
  list: boolean;
  help: boolean;
}

/** @internal */
export const SERVER_USAGE = `Usage: npm run conformance -- --server [url | cognito-local | moto] [options]

Runs the RevokeToken server conformance suite: the awsJson 1.1 protocol probes (S1-S15),
the revocation semantics with real tokens (R1-R7), and the unverified cases (U1-U3, reported,
never failed). Without a URL the suite starts the reference server on 127.0.0.1.

Options:
  --server [target]        the server: a base URL, cognito-local or moto (the pinned emulator,
                           started on 127.0.0.1 for the run), or nothing for the reference server
  --allow-remote           allow a server that is not on this machine (127.0.0.0/8, ::1, localhost)
  --max-requests <n>       most requests the run may send (default 3000 on loopback, 400 elsewhere)
  --rate <n>               most requests per second (default 250 on loopback, 5 elsewhere)
  --request-timeout <ms>   time one request may take before it counts as unanswered (default 5000)
  --unverified <case>=<outcome>
                           the outcome to compare an unverified case with (repeatable): case is
                           already-revoked, unknown-token or other-clients-token; outcome is
                           succeed, any, or an error RevokeToken declares
  --strict                 should-level rules fail the run too
  --seed <n>               seed of every generated case (printed in each replay line)
  --runs <n>               runs per generated case
  --filter <id|tag>        only these cases: an id, a rule (S6, R3) or a group (routing, body,
                           constraints, auth, privacy, semantics, unverified); repeatable
  --reporter <spec>        human (default), json=<file>, junit=<file>; repeatable
  --expectations <file>    known deviations of the server (default for an emulator:
                           conformance/expectations/<cognito-local|moto>.json)
  --replay <path>          with --seed and one --filter: replay a shrunk failure
  --replay-commands <p>    with --replay, for the model run: the command sequence's replayPath
  --region <region>        region for signing the admin calls; default us-east-1
  --no-redact              show tokens, client ids, secrets and the user's name and password
  --verbose                also list expected failures and unverified cases that went as configured
  --list                   list the cases that would run, then exit
  --help                   show this text

Exit codes: 0 every counted rule passed and no expectation is stale; 1 a counted rule failed
or an expected deviation did not happen; 2 a usage or configuration error (a refused endpoint,
an emulator missing, an unknown filter), nothing ran, or the request budget ran out before
every selected case ran.`;

const UNVERIFIED_CASES: Readonly<Record<string, keyof UnverifiedExpectations>> = {
  'already-revoked': 'alreadyRevokedToken',
  'unknown-token': 'unknownToken',
  'other-clients-token': 'otherClientsToken',
};

function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new ServerUsageError(`--${flag} must be a whole number of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

function reporterSpec(value: string): ServerReporterSpec {
  if (value === 'human') return { kind: 'human' };
  const match = /^(json|junit)=(.+)$/.exec(value);
  if (!match) throw new ServerUsageError(`--reporter ${value}: expected human, json=<file> or junit=<file>`);
  return { kind: match[1] as 'json' | 'junit', path: match[2]! };
}

/**
 * `--server` takes an optional value, which parseArgs cannot express: a bare `--server`
 * followed by another flag (or nothing) means the reference server.
 */
function splitServerFlag(argv: readonly string[]): { server: string | undefined; present: boolean; rest: string[] } {
  const rest: string[] = [];
  let server: string | undefined;
  let present = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--server') {
      if (present) throw new ServerUsageError('--server is given twice');
      present = true;
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--')) {
        server = next;
        index += 1;
      }
    } else if (arg.startsWith('--server=')) {
      if (present) throw new ServerUsageError('--server is given twice');
      present = true;
      server = arg.slice('--server='.length) || undefined;
    } else {
      rest.push(arg);
    }
  }
  return { server, present, rest };
}

/** True when the command line asks for a server run (the CLI routes on it). @public */
export function isServerRun(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--server' || arg.startsWith('--server='));
}

/** @internal */
export function parseServerCliOptions(argv: readonly string[]): ServerCliOptions {
  const { server, rest } = splitServerFlag(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: false,
      options: {
        'allow-remote': { type: 'boolean', default: false },
        'max-requests': { type: 'string' },
        rate: { type: 'string' },
        'request-timeout': { type: 'string' },
        unverified: { type: 'string', multiple: true },
        strict: { type: 'boolean', default: false },
        seed: { type: 'string' },
        runs: { type: 'string' },
        filter: { type: 'string', multiple: true },
        reporter: { type: 'string', multiple: true },
        expectations: { type: 'string' },
        replay: { type: 'string' },
        'replay-commands': { type: 'string' },
        region: { type: 'string', default: 'us-east-1' },
        'no-redact': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new ServerUsageError((error as Error).message);
  }
  const v = parsed.values;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(v.region!)) throw new ServerUsageError(`--region ${v.region}: not a region name such as us-east-1`);
  const rate = v.rate === undefined ? undefined : Number(v.rate);
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0)) throw new ServerUsageError(`--rate must be a number of requests per second above 0, got "${v.rate}"`);
  const unverified: UnverifiedExpectations = {};
  for (const entry of v.unverified ?? []) {
    const [name = '', outcome] = entry.split('=', 2);
    const key = UNVERIFIED_CASES[name];
    if (!key || outcome === undefined) throw new ServerUsageError(`--unverified ${entry}: expected <case>=<outcome> with case ${Object.keys(UNVERIFIED_CASES).join(', ')}`);
    let parsedOutcome: UnverifiedExpectation;
    try {
      parsedOutcome = parseUnverifiedExpectation(outcome);
    } catch (error) {
      throw new ServerUsageError(`--unverified ${entry}: ${(error as Error).message}`);
    }
    unverified[key] = parsedOutcome;
  }
  if (v.replay !== undefined) {
    if (v.seed === undefined) throw new ServerUsageError('--replay needs the --seed printed with the failure');
    if ((v.filter ?? []).length !== 1) throw new ServerUsageError('--replay needs exactly one --filter naming the generated case');
    if (!/^\d+(:\d+)*$/.test(v.replay)) throw new ServerUsageError(`--replay ${v.replay}: expected a fast-check path such as 3:1:0`);
  }
  if (v['replay-commands'] !== undefined && v.replay === undefined) throw new ServerUsageError('--replay-commands goes with --replay');
  return {
    ...(server !== undefined ? { server } : {}),
    allowRemote: v['allow-remote']!,
    maxRequests: wholeNumber('max-requests', v['max-requests'], 1),
    rate,
    requestTimeoutMs: wholeNumber('request-timeout', v['request-timeout'], 1),
    unverified,
    strict: v.strict!,
    seed: wholeNumber('seed', v.seed, 0),
    runs: wholeNumber('runs', v.runs, 1),
    filters: v.filter ?? [],
    reporters: (v.reporter ?? ['human']).map(reporterSpec),
    expectations: v.expectations,
    ...(v.replay !== undefined ? { replay: { path: v.replay, ...(v['replay-commands'] !== undefined ? { commandsReplayPath: v['replay-commands'] } : {}) } } : {}),
    region: v.region!,
    redact: !v['no-redact'],
    verbose: v.verbose!,
    list: v.list!,
    help: v.help!,
  };
}
