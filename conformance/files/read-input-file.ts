import { constants, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/**
 * The one way the suite reads a file a user points it at (expectations, the config file,
 * fixtures, the failures file): a regular file, at most `maxBytes`, read within `timeoutMs`.
 * Anything else is an InputFileError naming the file and what is wrong, which each caller turns
 * into its own exit-2 error.
 *
 * Why each step: a plain open() of a FIFO blocks until a writer appears (for ever, and it holds
 * a thread of libuv's pool), so the file is opened with O_NONBLOCK and its type is taken from the
 * open descriptor (fstat), never from a stat of the path before the open, which a swap between
 * the two would defeat. A device such as /dev/zero never ends, so the read stops one byte past
 * the cap instead of trusting the size fstat reports (procfs files report 0). A read on a stalled
 * file system can take any time, so every step races the remaining time.
 */

/** The file is not one the suite can read: `problem` says why, `path` which file. */
export class InputFileError extends Error {
  override name = 'InputFileError';
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
    this.problem = problem;
  }
}

export interface InputFileBounds {
  /** Most bytes the file may hold. */
  maxBytes: number;
  /** Real time the open and the whole read may take; default DEFAULT_READ_TIMEOUT_MS. */
  timeoutMs?: number;
  /** False: a symbolic link at `path` is refused rather than followed (the suite's own files). Default true. */
  followSymlinks?: boolean;
  /** False: check type and size only, read nothing (a module another loader reads); default true. */
  readContent?: boolean;
}

/** Ten seconds: a local file of a few MiB takes milliseconds; only a stalled mount takes longer. */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;

const CHUNK_BYTES = 64 * 1024;

/** What a non-regular file is, in words for the message. */
export function describeFileType(info: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'>): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function problemOfOpen(error: NodeJS.ErrnoException, followSymlinks: boolean): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'ELOOP':
      return followSymlinks ? 'too many levels of symbolic links' : 'a symbolic link; give the file itself';
    case 'ENXIO':
      return 'a socket or a device with nothing behind it, not a regular file';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return `cannot be opened (${error.code ?? error.message})`;
  }
}

/**
 * Reads `path` as UTF-8 text within `bounds`, or throws InputFileError. With `readContent:
 * false` it only checks (a regular file within the cap) and resolves with ''.
 */
export async function readInputFile(path: string, bounds: InputFileBounds): Promise<string> {
  const timeoutMs = bounds.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const followSymlinks = bounds.followSymlinks ?? true;
  const deadline = performance.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputFileError(path, `could not be read within ${timeoutMs} ms (a stalled file system?)`)), timeoutMs);
    // The bound must never be what keeps a finished process alive.
    timer.unref();
  });
  const within = <T>(step: Promise<T>): Promise<T> => Promise.race([step, timedOut]);
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (followSymlinks ? 0 : (constants.O_NOFOLLOW ?? 0));
  const opening = open(path, flags);
  let handle: FileHandle;
  try {
    handle = await within(opening);
  } catch (error) {
    clearTimeout(timer);
    // An open that finishes after the bound tripped is closed, not leaked.
    opening.then((late) => late.close()).catch(() => undefined);
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(path, problemOfOpen(error as NodeJS.ErrnoException, followSymlinks));
  }
  try {
    const info = await within(handle.stat());
    if (!info.isFile()) throw new InputFileError(path, `${describeFileType(info)}, not a regular file`);
    if (info.size > bounds.maxBytes) throw new InputFileError(path, `${info.size} bytes, more than the ${bounds.maxBytes} bytes such a file may hold`);
    if (bounds.readContent === false) return '';
    const chunks: Buffer[] = [];
    let total = 0;
    // One byte past the cap is enough to know the file is too large, whatever its size said.
    while (total <= bounds.maxBytes) {
      if (performance.now() > deadline) throw new InputFileError(path, `could not be read within ${timeoutMs} ms (a stalled file system?)`);
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, bounds.maxBytes + 1 - total));
      const { bytesRead } = await within(handle.read(buffer, 0, buffer.length, null));
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > bounds.maxBytes)
      throw new InputFileError(path, `more than the ${bounds.maxBytes} bytes such a file may hold (it grew while read, or never ends)`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
    } catch {
      throw new InputFileError(path, 'not UTF-8 text');
    }
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    clearTimeout(timer);
    // Not awaited: a close waits for a read still stuck in the thread pool.
    handle.close().catch(() => undefined);
  }
}
