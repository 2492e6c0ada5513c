import { COMMON_FLAGS, type CommonOptions, commonOptions, describeFlags, type FlagTable, parseFlags, rangedNumber, UsageError } from '../../cli/flags.ts';
import type { UnverifiedExpectation, UnverifiedExpectations } from '../semantics/unverified.ts';
import { parseUnverifiedExpectation } from '../semantics/unverified.ts';

/** What `npm run conformance -- --server ...` was asked to do. @internal */
export interface ServerCliOptions extends CommonOptions {
  /** Absent: the reference server on loopback; a name of SERVER_LANES: that pinned emulator, started for the run; else a URL. */
  server?: string;
  allowRemote: boolean;
  maxRequests?: number;
  rate?: number;
  requestTimeoutMs?: number;
  unverified: UnverifiedExpectations;
  seed?: number;
  replay?: { path: string; commandsReplayPath?: string };
}

/** The emulators `--server <name>` starts for the run (server-cli.ts LANES): names, not URLs, so a failures file may keep them. @internal */
export const SERVER_LANES: readonly string[] = ['cognito-local', 'moto', 'ministack', 'fakecloud'];

/** The flags only the server direction has; the rest are COMMON_FLAGS. @internal */
export const SERVER_FLAGS = {
  server: {
    type: 'string',
    arg: '[target]',
    help: 'the server: a base URL, a lane (cognito-local, moto, ministack or fakecloud: that pinned emulator, started on 127.0.0.1 for the run), or nothing for the reference server',
  },
  'allow-remote': { type: 'boolean', default: false, help: 'allow a server that is not on this machine (127.0.0.0/8, ::1, localhost)' },
  'max-requests': {
    type: 'string',
    arg: '<n>',
    help: 'most requests the run may send (default 3000 on loopback, 1000 elsewhere)',
    range: { min: 1, max: 1_000_000 },
  },
  rate: {
    type: 'string',
    arg: '<n>',
    help: 'most requests per second (default 250 on loopback, 5 elsewhere); the budget at this rate must fit in 24 hours',
    range: { min: 0.1, max: 10_000, fractional: true },
  },
  'request-timeout': {
    type: 'string',
    arg: '<ms>',
    help: 'time one request may take before it counts as unanswered (default 5000)',
    range: { min: 1, max: 600_000 },
  },
  unverified: {
    type: 'string',
    multiple: true,
    arg: '<case>=<outcome>',
    help: 'the outcome to compare an unverified case with (repeatable): case is already-revoked, unknown-token or other-clients-token; outcome is succeed, any, or an error RevokeToken declares',
  },
  'replay-commands': { type: 'string', arg: '<path>', help: "with --replay, for the model run: the command sequence's replayPath" },
} as const satisfies FlagTable;

/** @internal */
export const SERVER_USAGE = `Usage: npm run conformance -- --server [url | cognito-local | moto | ministack | fakecloud] [options]

Runs the RevokeToken server conformance suite: the awsJson 1.1 protocol probes (S1-S17),
the revocation semantics with real tokens in a world of two users and six app clients
(R1-R15), the judging of every answer of every operation (P1-P2, S12-S17), and the
unverified cases (U1-U3, reported, never failed). Without a URL the suite starts the reference server on 127.0.0.1.

Options:
${describeFlags(SERVER_FLAGS)}
${describeFlags(COMMON_FLAGS)}

Exit codes: 0 every counted rule passed and no expectation is stale; 1 a counted rule failed
or an expected deviation did not happen; 2 a usage or configuration error (a refused endpoint,
an emulator missing, an unknown filter), nothing ran, or the request budget ran out before
every selected case ran.`;

/** Flags of the client direction only: given with --server, they are refused by name rather than as unknown. */
const CLIENT_ONLY_FLAGS = ['adapter', 'command', 'serve', 'revision', 'case-timeout', 'start-timeout', 'run-timeout'];

const UNVERIFIED_CASES: Readonly<Record<string, keyof UnverifiedExpectations>> = {
  'already-revoked': 'alreadyRevokedToken',
  'unknown-token': 'unknownToken',
  'other-clients-token': 'otherClientsToken',
};

/**
 * `--server` takes an optional value, which parseArgs cannot express: a bare `--server`
 * followed by another flag (or nothing) means the reference server.
 * @internal
 */
export function splitServerFlag(argv: readonly string[]): { server: string | undefined; present: boolean; rest: string[] } {
  const rest: string[] = [];
  let server: string | undefined;
  let present = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--server') {
      if (present) throw new UsageError('--server is given twice');
      present = true;
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--')) {
        server = next;
        index += 1;
      }
    } else if (arg.startsWith('--server=')) {
      if (present) throw new UsageError('--server is given twice');
      present = true;
      server = arg.slice('--server='.length) || undefined;
    } else {
      rest.push(arg);
    }
  }
  return { server, present, rest };
}

/** True when the command line asks for a server run (the CLI routes on it). @internal */
export function isServerRun(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--server' || arg.startsWith('--server='));
}

/** @internal */
export function parseServerCliOptions(argv: readonly string[]): ServerCliOptions {
  const { server, rest } = splitServerFlag(argv);
  const { server: _ignored, ...flags } = SERVER_FLAGS;
  for (const arg of rest) {
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name !== undefined && CLIENT_ONLY_FLAGS.includes(name)) throw new UsageError(`--${name} is a flag of the client suite: leave out --server to use it`);
  }
  const table = { ...flags, ...COMMON_FLAGS };
  const v = parseFlags(rest, table);
  const common = commonOptions(v, 'generated case');
  const rate = rangedNumber('rate', table, v.rate);
  const unverified: UnverifiedExpectations = {};
  for (const entry of v.unverified ?? []) {
    const [name = '', outcome] = entry.split('=', 2);
    const key = UNVERIFIED_CASES[name];
    if (!key || outcome === undefined)
      throw new UsageError(`--unverified ${entry}: expected <case>=<outcome> with case ${Object.keys(UNVERIFIED_CASES).join(', ')}`);
    let parsedOutcome: UnverifiedExpectation;
    try {
      parsedOutcome = parseUnverifiedExpectation(outcome);
    } catch (error) {
      throw new UsageError(`--unverified ${entry}: ${(error as Error).message}`);
    }
    unverified[key] = parsedOutcome;
  }
  if (v['replay-commands'] !== undefined && v.replay === undefined) throw new UsageError('--replay-commands goes with --replay');
  return {
    ...common,
    ...(server !== undefined ? { server } : {}),
    allowRemote: v['allow-remote'] ?? false,
    maxRequests: rangedNumber('max-requests', table, v['max-requests']),
    rate,
    requestTimeoutMs: rangedNumber('request-timeout', table, v['request-timeout']),
    unverified,
    seed: rangedNumber('seed', table, v.seed),
    ...(v.replay !== undefined
      ? { replay: { path: v.replay, ...(v['replay-commands'] !== undefined ? { commandsReplayPath: v['replay-commands'] } : {}) } }
      : {}),
  };
}
