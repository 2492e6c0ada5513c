import { createHash } from 'node:crypto';
import { lstatSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeFileType, InputFileError, readInputFile } from '../files/read-input-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { suiteCommand } from './replay.ts';

/**
 * The failures file: every failure a run found, under a short id, so that a replay line is
 * `--replay <id>` instead of the whole command and fast-check path (thousands of characters for
 * a shrunk 16 KB token). Like Hypothesis's example database and `schemathesis replay`, it lives
 * in the directory the run was started in.
 *
 * It stores data, never a command line (version 2, decisions/0015-failures-file-stores-data.md): the case id, seed and
 * fast-check paths, the verdict flags a replay may take from a file (each checked by the CLI's
 * own parser when read), and the built-in client or server lane by name. What runs code or
 * reaches somewhere (a --command, an adapter module path, a server URL) and what changes where
 * output goes or what it shows (reporters, --no-redact) is never stored: a replay takes those
 * from the user's own command line or config file, so a planted or rewritten file can choose
 * which case runs again but not what runs it. The counterexample itself is never stored either;
 * seed and path regenerate it, so no value the client sent is written to disk.
 */
export const FAILURES_FILE = join('.revoketoken-conformance', 'failures.json');

/** The format this code writes and reads; version 1 stored command lines and is refused. */
export const FAILURES_FILE_VERSION = 2;

/** Old entries go first once the file holds this many. */
export const MOST_FAILURES_KEPT = 500;

/**
 * Most bytes the file may hold: 8 MiB. 500 entries of a few hundred bytes each, plus fast-check
 * paths of up to MAX_PATH_CHARS, stay far below.
 */
export const MAX_FAILURES_FILE_BYTES = 8 * 1024 * 1024;

/** A fast-check path longer than this is not kept (the shrink of a 16 KB token is about 2,000). */
export const MAX_PATH_CHARS = 10_000;

/** What a user gave a run that the file does not keep, and a replay needs given again. */
export type NotStored = 'adapter' | 'command' | 'server' | 'expectations';

/** A stored verdict flag's value: present (a boolean flag), a number, a string or several strings. */
export type StoredFlagValue = true | number | string | string[];

/** The run a failure belongs to: everything of an entry but the case. */
export interface StoredRun {
  direction: 'client' | 'server';
  /** A built-in client (aws-sdk-v2) or server lane (reference, moto), by name. */
  builtIn?: string;
  /** What the run had that is not stored (an adapter module, a command, a server URL, an expectations file). */
  given: NotStored[];
  /** Verdict flags by name (no dashes), e.g. { strict: true, 'case-timeout': 4000 }. */
  flags: Record<string, StoredFlagValue>;
}

/** One stored failure: its run and its case. */
export interface StoredFailure extends StoredRun {
  case: string;
  seed?: number;
  /** The fast-check path of the shrunk counterexample. */
  path?: string;
  /** The server model run's command sequence path. */
  commandsPath?: string;
  recordedAt: string;
}

/** How the caller (the CLI, which owns the flag table) checks a stored run's names and flags. */
export interface StoredRunRules {
  /** The built-in names each direction may store. */
  builtIns: Readonly<Record<StoredRun['direction'], readonly string[]>>;
  /** The flags each direction may store. */
  flags: Readonly<Record<StoredRun['direction'], readonly string[]>>;
  /** Checks one stored flag's value with the direction's own parser: a problem, or undefined. */
  checkFlag(direction: StoredRun['direction'], name: string, value: StoredFlagValue): string | undefined;
}

/** A failure id or the file cannot be used: exit 2, naming the id, the file and the field. */
export class FailuresFileError extends Error {
  override name = 'FailuresFileError';
}

/** Ids are 8 hex characters of a hash of the stored failure: the same failure keeps its id. */
export const FAILURE_ID = /^[0-9a-f]{8}$/;

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const FAST_CHECK_PATH = /^\d+(?::\d+)*$/;
const NAME = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** The id of a failure: a hash of everything stored but the time, with keys in a fixed order. */
export function failureId(failure: Omit<StoredFailure, 'recordedAt'>): string {
  const flags = Object.fromEntries(Object.entries(failure.flags).sort(([a], [b]) => (a < b ? -1 : 1)));
  const canonical = [
    failure.direction,
    failure.builtIn ?? null,
    [...failure.given].sort(),
    flags,
    failure.case,
    failure.seed ?? null,
    failure.path ?? null,
    failure.commandsPath ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 8);
}

/**
 * The case part of a replay line (run/replay.ts replayLine): `--filter <id>`, then `--seed <n>`,
 * `--replay <path>` and `--replay-commands <path>` when present. Undefined when the line does not
 * end that way, so that nothing unexpected is stored.
 */
export function caseOfReplayLine(replayLine: string): Pick<StoredFailure, 'case' | 'seed' | 'path' | 'commandsPath'> | undefined {
  const match = / --filter (\S+)(?: --seed (\d+))?(?: --replay (\S+))?(?: --replay-commands (\S+))?$/.exec(replayLine);
  if (!match) return undefined;
  const [, id, seed, path, commandsPath] = match;
  const failure = { case: id!, ...(seed !== undefined ? { seed: Number(seed) } : {}), ...(path ? { path } : {}), ...(commandsPath ? { commandsPath } : {}) };
  return checkCase(failure) === undefined ? failure : undefined;
}

/** Checks the case fields of an entry; a problem names the field. */
function checkCase(entry: Record<string, unknown>): string | undefined {
  if (typeof entry.case !== 'string' || !CASE_ID.test(entry.case)) return '/case: must be a case id (letters, digits, . _ -)';
  if (entry.seed !== undefined && !(Number.isInteger(entry.seed) && (entry.seed as number) >= 0 && (entry.seed as number) <= 2 ** 31 - 1))
    return '/seed: must be a whole number from 0 to 2147483647';
  for (const key of ['path', 'commandsPath'] as const) {
    const value = entry[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > MAX_PATH_CHARS || !(key === 'path' ? FAST_CHECK_PATH.test(value) : /^[A-Za-z0-9:+/=_-]+$/.test(value)))
      return `/${key}: must be a fast-check path such as 3:1:0, at most ${MAX_PATH_CHARS} characters`;
  }
  if (entry.path !== undefined && entry.seed === undefined) return '/path: a fast-check path needs its seed';
  return undefined;
}

const ENTRY_KEYS = new Set(['direction', 'builtIn', 'given', 'flags', 'case', 'seed', 'path', 'commandsPath', 'recordedAt']);

/** One entry checked against the closed schema; a problem names the field. */
function checkEntry(entry: unknown, rules: StoredRunRules): string | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return ': must be an object';
  const e = entry as Record<string, unknown>;
  for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) return `/${key}: not a field of a stored failure (a replay takes it from your own command line)`;
  if (e.direction !== 'client' && e.direction !== 'server') return '/direction: must be "client" or "server"';
  const direction = e.direction;
  if (e.builtIn !== undefined && (typeof e.builtIn !== 'string' || !NAME.test(e.builtIn) || !rules.builtIns[direction].includes(e.builtIn)))
    return `/builtIn: must be a built-in ${direction === 'client' ? 'client' : 'server lane'} (${rules.builtIns[direction].join(', ')})`;
  const kinds: readonly unknown[] = direction === 'client' ? ['adapter', 'command', 'expectations'] : ['server', 'expectations'];
  if (!Array.isArray(e.given) || !e.given.every((kind) => kinds.includes(kind)) || new Set(e.given).size !== e.given.length)
    return `/given: must be a list of ${kinds.join(', ')}`;
  if (e.builtIn === undefined && !e.given.some((kind) => kind !== 'expectations'))
    return '/builtIn: a failure names its built-in client or server, or says the user gave it';
  if (e.flags === null || typeof e.flags !== 'object' || Array.isArray(e.flags)) return '/flags: must be an object';
  for (const [name, value] of Object.entries(e.flags)) {
    if (!rules.flags[direction].includes(name)) return `/flags/${name}: not a flag a failures file may set (it may set ${rules.flags[direction].join(', ')})`;
    const typed =
      value === true ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= 200) ||
      (Array.isArray(value) && value.length <= 20 && value.every((item) => typeof item === 'string' && item.length <= 200));
    if (!typed) return `/flags/${name}: must be true, a number, a short string or a short list of strings`;
    const problem = rules.checkFlag(direction, name, value as StoredFlagValue);
    if (problem !== undefined) return `/flags/${name}: ${problem}`;
  }
  const caseProblem = checkCase(e);
  if (caseProblem !== undefined) return caseProblem;
  if (e.commandsPath !== undefined && direction !== 'server') return '/commandsPath: only a server failure has one';
  if (typeof e.recordedAt !== 'string' || Number.isNaN(Date.parse(e.recordedAt)) || e.recordedAt.length > 40) return '/recordedAt: must be a date and time';
  return undefined;
}

/** The text of a failures file, checked: every entry against the closed schema; any problem names the file and the field. */
export function parseFailuresFile(text: string, path: string, rules: StoredRunRules): Map<string, StoredFailure> {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new FailuresFileError(`${path}: not a failures file (${(error as Error).message}); delete it to start a new one`);
  }
  if (content === null || typeof content !== 'object' || Array.isArray(content))
    throw new FailuresFileError(`${path}: not a failures file (not a JSON object); delete it to start a new one`);
  const { version, failures, ...rest } = content as Record<string, unknown>;
  if (version === 1) {
    throw new FailuresFileError(
      `${path}: a version-1 failures file, which stored command lines; replay no longer runs them. Delete it (rm ${path}) and run the suite again to record its failures`,
    );
  }
  if (version !== FAILURES_FILE_VERSION) throw new FailuresFileError(`${path}: /version: must be ${FAILURES_FILE_VERSION}; delete the file to start a new one`);
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new FailuresFileError(`${path}: /${extra}: not a field of a failures file; delete the file to start a new one`);
  if (failures === null || typeof failures !== 'object' || Array.isArray(failures))
    throw new FailuresFileError(`${path}: /failures: must be an object; delete the file to start a new one`);
  const entries = Object.entries(failures);
  if (entries.length > MOST_FAILURES_KEPT)
    throw new FailuresFileError(`${path}: /failures: more than ${MOST_FAILURES_KEPT} entries; delete the file to start a new one`);
  const checked = new Map<string, StoredFailure>();
  for (const [id, entry] of entries) {
    if (!FAILURE_ID.test(id)) throw new FailuresFileError(`${path}: /failures/${JSON.stringify(id).slice(1, 41)}: not a failure id (8 hex characters)`);
    const problem = checkEntry(entry, rules);
    if (problem !== undefined) throw new FailuresFileError(`${path}: /failures/${id}${problem}`);
    const failure = entry as StoredFailure;
    // The id is the hash of the entry: an entry filed under another id was edited by hand or planted.
    if (failureId(failure) !== id)
      throw new FailuresFileError(`${path}: /failures/${id}: the entry does not match its id (edited?); delete the file to start a new one`);
    checked.set(id, failure);
  }
  return checked;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * What is wrong with the file's place, without opening anything: the folder or the file is a
 * symbolic link (which could send the write anywhere), the folder is a file, the file is a
 * folder, a FIFO or a device. Undefined when both are fine or absent.
 */
function placeProblem(path: string): string | undefined {
  const folder = dirname(path);
  let folderInfo: Stats | undefined;
  let fileInfo: Stats | undefined;
  try {
    folderInfo = lstatOrUndefined(folder);
    fileInfo = folderInfo?.isDirectory() ? lstatOrUndefined(path) : undefined;
  } catch (error) {
    return `cannot be checked (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (folderInfo !== undefined && !folderInfo.isDirectory())
    return `its folder ${folder} is ${folderInfo.isSymbolicLink() ? 'a symbolic link' : folderInfo.isFile() ? 'a file' : describeFileType(folderInfo)}, not a folder`;
  if (fileInfo !== undefined && !fileInfo.isFile()) return `${describeFileType(fileInfo)}, not a regular file`;
  return undefined;
}

/** Reads and checks the file; undefined when there is none. */
async function readFailures(path: string, rules: StoredRunRules): Promise<Map<string, StoredFailure> | undefined> {
  const problem = placeProblem(path);
  if (problem !== undefined) throw new FailuresFileError(`${path}: ${problem}`);
  if (lstatOrUndefined(path) === undefined) return undefined;
  let text: string;
  try {
    text = await readInputFile(path, { maxBytes: MAX_FAILURES_FILE_BYTES, followSymlinks: false });
  } catch (error) {
    if (error instanceof InputFileError) throw new FailuresFileError(`${path}: ${error.problem}`);
    throw error;
  }
  return parseFailuresFile(text, path, rules);
}

/** A run's failures file: records in memory during the run, written once at the end. */
export interface FailureRecorder {
  /** Keeps a failure and returns its short replay line (or the line itself when the file cannot be used). */
  record(replayLine: string): string;
}

export interface FailuresFile extends FailureRecorder {
  /** Why failures are not recorded in this run (found before the first case), if they are not. */
  readonly problem?: string;
  /** Writes what was recorded; a problem is returned as a warning, never thrown. */
  save(): Promise<string | undefined>;
}

/**
 * Opens `<directory>/.revoketoken-conformance/failures.json` for a run, before its first case.
 * A file that cannot be used (corrupt, version 1, a folder, a FIFO, a symbolic link, its folder
 * a file) never stops the run and never costs its reports: the run goes on without recording,
 * `problem` says why (the CLI prints it as a warning naming the file), and each replay line
 * stays the full one. The file is read once, here; `save` writes from memory, so a client that
 * rewrites the file during the run cannot make the run lose or hide its own failures.
 */
export async function openFailuresFile(
  directory: string,
  run: StoredRun,
  rules: StoredRunRules,
  options: { command?: string; givenFlags?: string } = {},
): Promise<FailuresFile> {
  // The short line names again what the file does not keep (the user's own --command, module
  // path, URL or expectations file), so it still replays by itself when pasted.
  const command = [options.command ?? suiteCommand(directory), options.givenFlags].filter(Boolean).join(' ');
  const path = join(directory, FAILURES_FILE);
  let kept: Map<string, StoredFailure>;
  try {
    kept = (await readFailures(path, rules)) ?? new Map();
  } catch (error) {
    if (!(error instanceof FailuresFileError)) throw error;
    const problem = `${error.message}; this run's failures are not recorded there, so each replay line is the full command`;
    return { problem, record: (line) => line, save: async () => undefined };
  }
  const recorded = new Map<string, StoredFailure>();
  const fullLines = new Map<string, string>();
  return {
    record(replayLine) {
      const found = caseOfReplayLine(replayLine);
      if (found === undefined) return replayLine;
      const failure: StoredFailure = { ...run, given: [...run.given], flags: { ...run.flags }, ...found, recordedAt: new Date().toISOString() };
      const id = failureId(failure);
      recorded.delete(id);
      recorded.set(id, failure);
      fullLines.set(id, replayLine);
      return `${command} --replay ${id}`;
    },
    async save() {
      if (recorded.size === 0) return undefined;
      // Another run in this directory may have added its own since: keep them if the file still
      // reads as a valid file, else keep what this run read at its start. Never trust it further.
      let current = kept;
      try {
        current = (await readFailures(path, rules)) ?? kept;
      } catch {
        // Rewritten into something unreadable during the run: what was read at the start stands.
      }
      const all = new Map([...current].filter(([id]) => !recorded.has(id)));
      for (const [id, failure] of recorded) all.set(id, failure);
      const ids = [...all.keys()];
      for (const old of ids.slice(0, Math.max(0, ids.length - MOST_FAILURES_KEPT))) all.delete(old);
      const problem = placeProblem(path);
      const lines = [...fullLines.entries()].map(([id, line]) => `  ${id}: ${line}`).join('\n');
      if (problem !== undefined)
        return `${path}: ${problem} (changed during the run?); the failures were not recorded, so the ids above do not replay. Their full replay lines:\n${lines}`;
      try {
        writeFileAtomically(path, `${JSON.stringify({ version: FAILURES_FILE_VERSION, failures: Object.fromEntries(all) }, null, 2)}\n`);
      } catch (error) {
        return `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the ids above do not replay. Their full replay lines:\n${lines}`;
      }
      return undefined;
    },
  };
}

/** The stored failure of an id, for `--replay <id>`: a missing file, an unknown id or anything invalid in the file is a FailuresFileError. */
export async function storedFailure(directory: string, id: string, rules: StoredRunRules): Promise<StoredFailure> {
  const path = join(directory, FAILURES_FILE);
  let failures: Map<string, StoredFailure> | undefined;
  try {
    failures = await readFailures(path, rules);
  } catch (error) {
    if (error instanceof FailuresFileError) throw new FailuresFileError(`--replay ${id}: ${error.message}`);
    throw error;
  }
  if (failures === undefined) {
    throw new FailuresFileError(`--replay ${id}: ${path} does not exist; failure ids are kept there by the run that printed them, in the directory it ran in`);
  }
  const failure = failures.get(id);
  if (failure === undefined) throw new FailuresFileError(`--replay ${id}: no failure ${id} in ${path}`);
  return failure;
}

/** Every stored failure, oldest first, for `--replay failed`; none when there is no file. Anything invalid is a FailuresFileError. */
export async function storedFailures(directory: string, rules: StoredRunRules): Promise<Array<[id: string, failure: StoredFailure]>> {
  return [...((await readFailures(join(directory, FAILURES_FILE), rules)) ?? new Map())];
}

/** Removes the failures `ids` (the fixed ones) from the file, written atomically; a problem is a FailuresFileError. */
export async function removeStoredFailures(directory: string, ids: readonly string[], rules: StoredRunRules): Promise<void> {
  const path = join(directory, FAILURES_FILE);
  const failures = await readFailures(path, rules);
  if (failures === undefined || !ids.some((id) => failures.has(id))) return;
  for (const id of ids) failures.delete(id);
  writeFileAtomically(path, `${JSON.stringify({ version: FAILURES_FILE_VERSION, failures: Object.fromEntries(failures) }, null, 2)}\n`);
}
