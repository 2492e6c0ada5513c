import { BUILT_IN_ADAPTERS, DEFAULT_ADAPTER } from '../adapters/load.ts';
import {
  FAILURE_ID,
  type FailuresFile,
  FailuresFileError,
  type NotStored,
  openFailuresFile,
  type StoredFailure,
  type StoredFlagValue,
  type StoredRun,
  type StoredRunRules,
  storedFailure,
} from '../run/failures-file.ts';
import { parseServerCliOptions, SERVER_FLAGS, SERVER_LANES } from '../server/cli/server-options.ts';
import { COMMON_FLAGS, type FlagTable, UsageError } from './flags.ts';
import { CLIENT_FLAGS, parseCliOptions } from './options.ts';

const TABLE: FlagTable = { ...CLIENT_FLAGS, ...SERVER_FLAGS, ...COMMON_FLAGS };

/**
 * The flags a failures file may set, per direction: the ones that change a verdict and neither
 * run code, reach a host, switch a protection off nor say where output goes. Left out on purpose:
 * --command, --adapter <path>, --server <url> and --expectations <file> (the user gives them
 * again), --no-isolate (would take the adapter out of its sandbox), --allow-remote, --reporter,
 * --no-redact, --quiet, --verbose.
 */
const STORED_FLAGS: Readonly<Record<StoredRun['direction'], readonly string[]>> = {
  client: ['strict', 'runs', 'region', 'revision', 'case-timeout', 'start-timeout', 'run-timeout'],
  server: ['strict', 'runs', 'region', 'max-requests', 'rate', 'request-timeout', 'unverified'],
};

/** The reference server, which a bare `--server` starts. */
const REFERENCE_SERVER = 'reference';

/** The flag's value as one `--name=value` token each, so a value is never read as a flag. */
function flagTokens(name: string, value: StoredFlagValue): string[] {
  if (value === true) return [`--${name}`];
  return (Array.isArray(value) ? value : [value]).map((item) => `--${name}=${String(item)}`);
}

/** The checks a stored run goes through, made of the CLI's own flag table and parsers. */
export const STORED_RUN_RULES: StoredRunRules = {
  builtIns: { client: Object.keys(BUILT_IN_ADAPTERS), server: [REFERENCE_SERVER, ...SERVER_LANES] },
  flags: STORED_FLAGS,
  checkFlag(direction, name, value) {
    const flag = TABLE[name]!;
    if (flag.type === 'boolean' && value !== true) return 'must be true';
    if (flag.type === 'string' && value === true) return 'must be a value';
    if (Array.isArray(value) !== Boolean(flag.multiple)) return flag.multiple ? 'must be a list' : 'must be a single value';
    try {
      if (direction === 'client') parseCliOptions(flagTokens(name, value));
      else parseServerCliOptions(['--server', ...flagTokens(name, value)]);
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
    return undefined;
  },
};

/** The command line cut into flags, each with its value if it takes one. */
export function flagsOf(argv: readonly string[]): Array<{ name: string; words: string[]; value?: string }> {
  const flags: Array<{ name: string; words: string[]; value?: string }> = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    const name = word.startsWith('--') ? word.slice(2).split('=')[0]! : word;
    if (word.includes('=')) {
      flags.push({ name, words: [word], value: word.slice(word.indexOf('=') + 1) });
      continue;
    }
    const next = argv[index + 1];
    // `--server` takes a value only when one follows (see server-options.ts).
    const takesValue = name === 'server' ? next !== undefined && !next.startsWith('--') : TABLE[name]?.type === 'string';
    if (takesValue && next !== undefined) {
      flags.push({ name, words: [word, next], value: next });
      index += 1;
    } else {
      flags.push({ name, words: [word] });
    }
  }
  return flags;
}

/**
 * What a failures file keeps of a run (its command line after the config file): the direction,
 * the built-in client or lane by name, the verdict flags it may store, and which of the things it
 * never stores the run had (so that a replay can ask for them).
 */
export function storedRunOf(argv: readonly string[]): StoredRun {
  const flags = flagsOf(argv);
  const direction = flags.some((flag) => flag.name === 'server') ? 'server' : 'client';
  const given = new Set<NotStored>();
  let builtIn: string | undefined;
  const stored: Record<string, StoredFlagValue> = {};
  for (const flag of flags) {
    if (flag.name === 'adapter' && flag.value !== undefined) {
      if (Object.hasOwn(BUILT_IN_ADAPTERS, flag.value)) builtIn = flag.value;
      else given.add('adapter');
    } else if (flag.name === 'command') {
      given.add('command');
    } else if (flag.name === 'server') {
      if (flag.value === undefined || flag.value === '') builtIn = REFERENCE_SERVER;
      else if (SERVER_LANES.includes(flag.value)) builtIn = flag.value;
      else given.add('server');
    } else if (flag.name === 'expectations') {
      given.add('expectations');
    } else if (STORED_FLAGS[direction].includes(flag.name)) {
      const declared = TABLE[flag.name]!;
      const value: StoredFlagValue = declared.type === 'boolean' ? true : declared.range ? Number(flag.value) : (flag.value ?? '');
      if (declared.multiple) stored[flag.name] = [...((stored[flag.name] as string[] | undefined) ?? []), String(value)];
      else stored[flag.name] = value;
    }
  }
  // The run's client is the default built-in when the command line names none.
  if (direction === 'client' && builtIn === undefined && !given.has('adapter') && !given.has('command')) builtIn = DEFAULT_ADAPTER;
  if (builtIn !== undefined) {
    given.delete('adapter');
    given.delete('command');
  }
  return { direction, ...(builtIn !== undefined ? { builtIn } : {}), given: [...given].sort(), flags: stored };
}

/** What `--replay <id>` became: the command line to run, and what the replay still needs from the user. */
export interface ExpandedReplay {
  argv: string[];
  /** The stored failure's client was a module path or a command: the command line or config file must name one. */
  needsClient?: string;
  /** Notes for stderr: what the replay could not restore. */
  notes: string[];
}

/**
 * `--replay <id>` with an id from the failures file (and no --seed, which only a fast-check
 * path needs) becomes the stored failure's case and flags, then the rest of this command line
 * (reporters, --verbose, --no-redact, and the client or server, which the file never holds).
 * Any other command line is returned as it is.
 */
export async function expandReplayId(argv: readonly string[], directory: string): Promise<ExpandedReplay> {
  const flags = flagsOf(argv);
  const replay = flags.find((flag) => flag.name === 'replay');
  const id = replay?.value;
  if (id === undefined || !FAILURE_ID.test(id) || flags.some((flag) => flag.name === 'seed')) return { argv: [...argv], notes: [] };
  const failure = await storedFailure(directory, id, STORED_RUN_RULES);
  const rest = flags.filter((flag) => flag !== replay);
  const restArgv = rest.flatMap((flag) => flag.words);
  const gives = (name: string) => rest.some((flag) => flag.name === name);
  const notes: string[] = [];
  if (failure.given.includes('expectations') && !gives('expectations'))
    notes.push(
      `--replay ${id}: the failure was recorded with an --expectations file, which the failures file does not keep: give --expectations again to judge it the same way`,
    );
  const client: string[] = [];
  let needsClient: string | undefined;
  if (failure.direction === 'server') {
    if (gives('adapter') || gives('command')) throw new FailuresFileError(`--replay ${id}: a failure of the server suite; leave out --adapter and --command`);
    if (!gives('server')) {
      if (failure.builtIn === undefined)
        throw new FailuresFileError(
          `--replay ${id}: the failure was found against a server given by URL, and the failures file keeps no URLs: give --server <url> again`,
        );
      client.push(failure.builtIn === REFERENCE_SERVER ? '--server' : `--server=${failure.builtIn}`);
    }
  } else {
    if (gives('server')) throw new FailuresFileError(`--replay ${id}: a failure of the client suite; leave out --server`);
    if (!gives('adapter') && !gives('command')) {
      if (failure.builtIn !== undefined) client.push(`--adapter=${failure.builtIn}`);
      else
        needsClient = `--replay ${id}: the failure was found with ${failure.given.includes('command') ? 'a --command client' : 'an adapter module (--adapter <path>)'}, and the failures file keeps no commands or paths (a planted file could run anything): give ${failure.given.includes('command') ? '--command' : '--adapter'} again, or set it in conformance.config.json`;
    }
  }
  return { argv: [...client, ...storedArguments(failure), ...restArgv], ...(needsClient ? { needsClient } : {}), notes };
}

/** A stored failure's flags and case as command-line tokens, one token per value. */
function storedArguments(failure: StoredFailure): string[] {
  return [
    ...Object.entries(failure.flags).flatMap(([name, value]) => flagTokens(name, value)),
    `--filter=${failure.case}`,
    ...(failure.seed !== undefined ? [`--seed=${failure.seed}`] : []),
    ...(failure.path !== undefined ? [`--replay=${failure.path}`] : []),
    ...(failure.commandsPath !== undefined ? [`--replay-commands=${failure.commandsPath}`] : []),
  ];
}

/**
 * The flags of `argv` that the failures file does not keep and a replay needs again, as the
 * runner's own replay lines write them: a module path, a --command, a server URL, an
 * expectations file. They go into the short replay line printed to the user, never to the file.
 */
export function givenFlags(argv: readonly string[]): string {
  const run = storedRunOf(argv);
  const words: string[] = [];
  for (const flag of flagsOf(argv)) {
    if (flag.value === undefined) continue;
    if (flag.name === 'command') words.push(`--command ${JSON.stringify(flag.value)}`);
    else if ((flag.name === 'adapter' || flag.name === 'server') && run.builtIn === undefined) words.push(`--${flag.name} ${flag.value}`);
    else if (flag.name === 'expectations') words.push(`--expectations ${flag.value}`);
  }
  return words.join(' ');
}

/** The failures file of a CLI run in `directory`, opened before its first case. */
export function openRunFailures(argv: readonly string[], directory: string): Promise<FailuresFile> {
  return openFailuresFile(directory, storedRunOf(argv), STORED_RUN_RULES, { givenFlags: givenFlags(argv) });
}
