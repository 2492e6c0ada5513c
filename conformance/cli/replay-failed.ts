import { join } from 'node:path';
import { FAILURES_FILE, FailuresFileError, removeStoredFailures, storedFailures } from '../run/failures-file.ts';
import { type CliIo, EXIT } from './flags.ts';
import { flagsOf, STORED_RUN_RULES } from './replay-by-id.ts';

/** `--replay failed` (or `--replay=failed`): the value that asks for every stored failure. */
export const REPLAY_FAILED = 'failed';

/** Whether a command line asks for `--replay failed`. */
export function asksForReplayFailed(argv: readonly string[]): boolean {
  return flagsOf(argv).some((flag) => flag.name === 'replay' && flag.value === REPLAY_FAILED);
}

/**
 * `--replay failed`: every failure in the failures file, oldest first, replayed one at a time by
 * its id through `replayOne` (the CLI itself, so each is exactly `--replay <id>` with the rest of
 * this command line), then one line each: still failing, fixed, or could not be replayed. The
 * fixed ones are removed from the file; the others stay. Exit 1 while any still fails, 2 when one
 * could not be replayed (or there was nothing to replay), 0 when every one is fixed.
 */
export async function replayFailed(argv: readonly string[], io: CliIo, replayOne: (argv: string[]) => Promise<number>): Promise<number> {
  const directory = io.cwd ?? process.cwd();
  const flags = flagsOf(argv);
  const chooser = flags.find((flag) => ['filter', 'seed', 'replay-commands'].includes(flag.name));
  if (chooser !== undefined) {
    io.stderr.write(`conformance: --replay failed replays each stored failure's own case: leave out --${chooser.name}\n`);
    return EXIT.usage;
  }
  let failures: Awaited<ReturnType<typeof storedFailures>>;
  try {
    failures = await storedFailures(directory, STORED_RUN_RULES);
  } catch (error) {
    if (!(error instanceof FailuresFileError)) throw error;
    io.stderr.write(`conformance: --replay failed: ${error.message}\n`);
    return EXIT.usage;
  }
  if (failures.length === 0) {
    io.stderr.write(`conformance: --replay failed: no stored failures in ${join(directory, FAILURES_FILE)}; nothing ran\n`);
    return EXIT.usage;
  }
  const rest = flags.filter((flag) => flag.name !== 'replay').flatMap((flag) => flag.words);
  const outcomes: Array<{ id: string; name: string; code: number }> = [];
  for (const [id, failure] of failures) outcomes.push({ id, name: failure.case, code: await replayOne(['--replay', id, ...rest]) });
  const fixed = outcomes.filter((outcome) => outcome.code === EXIT.ok);
  const failing = outcomes.filter((outcome) => outcome.code === EXIT.failed);
  const broken = outcomes.filter((outcome) => outcome.code !== EXIT.ok && outcome.code !== EXIT.failed);
  let pruned = '';
  try {
    await removeStoredFailures(
      directory,
      fixed.map((outcome) => outcome.id),
      STORED_RUN_RULES,
    );
  } catch (error) {
    if (!(error instanceof FailuresFileError)) throw error;
    pruned = ` (not removed: ${error.message})`;
  }
  io.stdout.write('\nreplay of the stored failures:\n');
  for (const outcome of outcomes) {
    const word =
      outcome.code === EXIT.ok ? `fixed${pruned ? '' : ', removed'}` : outcome.code === EXIT.failed ? 'still failing' : 'could not be replayed (see above)';
    io.stdout.write(`  ${outcome.id} ${outcome.name}: ${word}\n`);
  }
  io.stdout.write(`${failing.length} still failing, ${fixed.length} fixed, ${broken.length} could not be replayed${pruned}\n`);
  if (broken.length > 0) return EXIT.usage;
  return failing.length > 0 ? EXIT.failed : EXIT.ok;
}
