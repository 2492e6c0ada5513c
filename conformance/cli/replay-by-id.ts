import { FAILURE_ID, type FailureRecorder, failuresFile, storedFailure } from '../run/failures-file.ts';
import { SERVER_FLAGS } from '../server/cli/server-options.ts';
import { COMMON_FLAGS, type FlagTable } from './flags.ts';
import { CLIENT_FLAGS } from './options.ts';

const TABLE: FlagTable = { ...CLIENT_FLAGS, ...SERVER_FLAGS, ...COMMON_FLAGS };

// Flags that choose the case (each failure stores its own) or only shape the output: a replay
// takes them from its own command line, never from the failures file.
const NOT_STORED = new Set([
  'filter',
  'seed',
  'replay',
  'replay-commands',
  'reporter',
  'verbose',
  'quiet',
  'no-redact',
  'list',
  'rules',
  'explain',
  'help',
  'serve',
]);

/** The command line cut into flags, each with its value if it takes one. */
function flagsOf(argv: readonly string[]): Array<{ name: string; words: string[] }> {
  const flags: Array<{ name: string; words: string[] }> = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    const name = word.startsWith('--') ? word.slice(2).split('=')[0]! : word;
    const next = argv[index + 1];
    // `--server` takes a value only when one follows (see server-options.ts).
    const takesValue = !word.includes('=') && (name === 'server' ? next !== undefined && !next.startsWith('--') : TABLE[name]?.type === 'string');
    if (takesValue && next !== undefined) {
      flags.push({ name, words: [word, next] });
      index += 1;
    } else {
      flags.push({ name, words: [word] });
    }
  }
  return flags;
}

/** The flags of a command line that change a verdict: the ones a stored failure keeps. */
export function verdictArguments(argv: readonly string[]): string[] {
  return flagsOf(argv)
    .filter((flag) => !NOT_STORED.has(flag.name))
    .flatMap((flag) => flag.words);
}

/**
 * `--replay <id>` with an id from the failures file (and no --seed, which only a fast-check
 * path needs) becomes the stored command line, followed by the rest of this one (reporters,
 * --verbose, --no-redact). Any other command line is returned as it is.
 */
export function expandReplayId(argv: readonly string[], directory: string): string[] {
  const flags = flagsOf(argv);
  const replay = flags.find((flag) => flag.name === 'replay');
  const id = replay?.words.length === 2 ? replay.words[1]! : replay?.words[0]?.split('=')[1];
  if (id === undefined || !FAILURE_ID.test(id) || flags.some((flag) => flag.name === 'seed')) return [...argv];
  const rest = flags.filter((flag) => flag !== replay).flatMap((flag) => flag.words);
  return [...storedFailure(directory, id).argv, ...rest];
}

/** The recorder of a CLI run: failures go to the failures file of `directory`. */
export function failureRecorder(argv: readonly string[], directory: string): FailureRecorder {
  return failuresFile(directory, verdictArguments(argv));
}
