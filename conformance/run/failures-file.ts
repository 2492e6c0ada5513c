import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The failures file: every failure a run found, under a short id, with the command line that
 * reproduces it, so that a replay line is `--replay <id>` instead of the whole command and
 * fast-check path (thousands of characters for a shrunk 16 KB token). Like Hypothesis's example
 * database and `schemathesis replay`, it lives in the directory the run was started in.
 *
 * What is stored is the command line only: the flags that change a verdict and the case's id,
 * seed and fast-check path. The counterexample itself is never stored; seed and path regenerate
 * it, so no value the client sent (redacted or not) is written to disk.
 */
export const FAILURES_FILE = join('.revoketoken-conformance', 'failures.json');

/** Old entries go first once the file holds this many. */
const MOST_FAILURES_KEPT = 500;

/** One stored failure. */
export interface StoredFailure {
  /** The command-line arguments that run exactly this case again. */
  argv: string[];
  recordedAt: string;
}

interface FailuresFileContent {
  version: 1;
  failures: Record<string, StoredFailure>;
}

/** Turns a failure's full replay line into a short one, keeping the full one in the file. */
export interface FailureRecorder {
  record(replayLine: string): string;
}

/** A failure id or the file cannot be used: exit 2, naming the id and the file. */
export class FailuresFileError extends Error {
  override name = 'FailuresFileError';
}

/** Ids are 8 hex characters of a hash of the stored command line: the same failure keeps its id. */
export const FAILURE_ID = /^[0-9a-f]{8}$/;

export function failureId(argv: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(argv)).digest('hex').slice(0, 8);
}

/** The part of a replay line that names the case: `--filter <id>` and what follows (seed, paths). */
export function caseArguments(replayLine: string): string[] {
  const at = replayLine.lastIndexOf(' --filter ');
  if (at < 0) throw new Error(`not a replay line: ${replayLine}`);
  return replayLine.slice(at + 1).split(' ');
}

function read(path: string): FailuresFileContent {
  if (!existsSync(path)) return { version: 1, failures: {} };
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FailuresFileError(`${path}: not a failures file (${(error as Error).message}); delete it to start a new one`);
  }
  const failures = (content as { failures?: unknown } | null)?.failures;
  if (failures === null || typeof failures !== 'object' || Array.isArray(failures)) {
    throw new FailuresFileError(`${path}: not a failures file (no "failures" object); delete it to start a new one`);
  }
  return { version: 1, failures: failures as Record<string, StoredFailure> };
}

/**
 * Records failures in `<directory>/.revoketoken-conformance/failures.json`. `verdictArguments`
 * are the run's flags that change a verdict (the client or server, --strict, --case-timeout,
 * --expectations, --revision, the server's limits); each failure adds its case's arguments.
 */
export function failuresFile(directory: string, verdictArguments: readonly string[], command = 'npm run conformance --'): FailureRecorder {
  const path = join(directory, FAILURES_FILE);
  return {
    record(replayLine) {
      const argv = [...verdictArguments, ...caseArguments(replayLine)];
      const id = failureId(argv);
      // Read again before each write: another run in the same directory may have added its own.
      const content = read(path);
      delete content.failures[id];
      content.failures[id] = { argv, recordedAt: new Date().toISOString() };
      const ids = Object.keys(content.failures);
      for (const old of ids.slice(0, Math.max(0, ids.length - MOST_FAILURES_KEPT))) delete content.failures[old];
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
      renameSync(temporary, path);
      return `${command} --replay ${id}`;
    },
  };
}

/** The stored command line of a failure id; a missing file or unknown id is a FailuresFileError. */
export function storedFailure(directory: string, id: string): StoredFailure {
  const path = join(directory, FAILURES_FILE);
  if (!existsSync(path)) {
    throw new FailuresFileError(`--replay ${id}: ${path} does not exist; failure ids are kept there by the run that printed them, in the directory it ran in`);
  }
  const failure = read(path).failures[id];
  if (!failure || !Array.isArray(failure.argv) || !failure.argv.every((a) => typeof a === 'string')) {
    throw new FailuresFileError(`--replay ${id}: no failure ${id} in ${path}`);
  }
  return failure;
}
