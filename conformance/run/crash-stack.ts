import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.ts';

// A client that crashes (rule A5) crashed somewhere in the user's own code: the stack is what
// leads them to the line. It is read where the call settles (in the sandbox worker, or in this
// thread), crosses to the harness as plain text in the execution record, and is trimmed to the
// user's frames here; the runner then redacts and caps it like any other adapter text.

/** The most of a raw stack that is read and sent across the worker boundary. */
const MAX_RAW_STACK_CHARS = 16_000;

/** The user's frames shown at most; the rest are counted. */
export const MAX_USER_FRAMES = 10;

/** The longest trimmed stack a report shows (after redaction), in characters. */
export const MAX_CRASH_STACK_CHARS = 2_500;

/** A thrown value's `stack`, read without throwing (a getter may throw), bounded in length; undefined when it has none. */
export function rawStackOf(error: unknown): string | undefined {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return undefined;
  try {
    const stack = (error as { stack?: unknown }).stack;
    if (typeof stack !== 'string' || stack === '') return undefined;
    return stack.length > MAX_RAW_STACK_CHARS ? stack.slice(0, MAX_RAW_STACK_CHARS) : stack;
  } catch {
    return undefined;
  }
}

/** The folders whose frames are the suite's own: its sources and its build, wherever the package is. */
export const SUITE_FOLDERS: readonly string[] = ['conformance', 'generated', 'dist'].map((folder) => join(packageRoot, folder));

const FRAME = /^\s*at\s/;

/**
 * The file a frame's location names, as a path (file: URLs converted), with the location and
 * its `:line:column` suffix; undefined for node:, native and anonymous frames.
 */
function frameFile(line: string): { location: string; position: string; file: string } | undefined {
  // `at fn (location)` or `at location`; the location ends in :line:column.
  const inParens = /\(([^()]*)\)\s*$/.exec(line);
  const location = (inParens?.[1] ?? line.replace(FRAME, '')).trim();
  const file = location.replace(/:\d+(:\d+)?$/, '');
  const position = location.slice(file.length);
  if (file.startsWith('file://')) {
    try {
      return { location, position, file: fileURLToPath(file) };
    } catch {
      return undefined;
    }
  }
  if (!isAbsolute(file) && !/^[A-Za-z]:[\\/]/.test(file)) return undefined;
  return { location, position, file };
}

function isUserFile(file: string, suiteFolders: readonly string[]): boolean {
  if (file.split(/[\\/]/).includes('node_modules')) return false;
  return !suiteFolders.some((folder) => file === folder || file.startsWith(`${folder}${sep}`) || file.startsWith(`${folder}/`));
}

export interface UserStackOptions {
  /** Paths under it are shown relative to it (the directory the run started in). */
  cwd: string;
  /** The suite's own folders; default {@link SUITE_FOLDERS}. */
  suiteFolders?: readonly string[];
}

/**
 * A stack trimmed to the user's own frames: its first lines (the error and its message) and
 * the frames in files outside node's internals, node_modules and the suite, with paths under
 * `cwd` made relative to it; how many frames were left out is said on the last line. Undefined
 * when no frame is the user's (a process client's error, a crash inside a dependency): there is
 * no line of theirs to point at, and the verdict already says what happened.
 */
export function userStack(stack: string, options: UserStackOptions): string | undefined {
  const suiteFolders = options.suiteFolders ?? SUITE_FOLDERS;
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => FRAME.test(line));
  if (firstFrame < 0) return undefined;
  const header = lines.slice(0, firstFrame);
  const frames = lines.slice(firstFrame).filter((line) => FRAME.test(line));
  const mine: string[] = [];
  for (const line of frames) {
    const found = frameFile(line);
    if (!found || !isUserFile(found.file, suiteFolders)) continue;
    const shown = relative(options.cwd, found.file);
    const display = shown !== '' && !shown.startsWith('..') && !isAbsolute(shown) ? shown.split(sep).join('/') : found.file;
    mine.push(`    ${line.trim().replace(found.location, () => `${display}${found.position}`)}`);
  }
  if (mine.length === 0) return undefined;
  const dropped = frames.length - mine.length;
  const hidden = Math.max(0, mine.length - MAX_USER_FRAMES);
  const notes = [
    ...(hidden > 0 ? [`${hidden} more frame${hidden === 1 ? '' : 's'} of yours`] : []),
    ...(dropped > 0 ? [`${dropped} frame${dropped === 1 ? '' : 's'} in node, node_modules or the suite left out`] : []),
  ];
  return [...header, ...mine.slice(0, MAX_USER_FRAMES), ...(notes.length > 0 ? [`    (${notes.join('; ')})`] : [])].join('\n');
}
