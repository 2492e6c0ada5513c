import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * In the sandbox worker, `process.stdout` is a pipe to the harness, which redacts every line
 * of it (sandbox.ts). File descriptors 1 and 2 are not: they are the harness process's own
 * stdout and stderr, where the report goes, so `fs.writeSync(1, …)` or a write to `/dev/stdout`
 * would print raw secrets, or a fake "78 passed" line, past redaction. This guard wraps the fs
 * functions that write (fs.write, writeSync, writev, writevSync, writeFile, writeFileSync,
 * appendFile, appendFileSync, fs.promises.writeFile and appendFile) and those that open a path
 * for writing (open, openSync, fs.promises.open; fs.createWriteStream opens and writes through
 * them): what goes to fd 1 or 2, or to a path that is the harness's stdout or stderr
 * (`/dev/stdout`, `/proc/self/fd/2`, `/proc/<pid>/fd/1`, or any other name of the same file),
 * goes to the worker's own, redacted, stdout or stderr instead, and each is noted as a fault of
 * the case. Best effort: `process.binding('fs')`, a native addon or a child process can still
 * reach the harness's descriptors; only a client in another process is out of reach (decisions/0011).
 */
export interface DirectOutputGuard {
  /** The direct writes noticed since the last drain, one line each. */
  drain(): string[];
}

type Stream = 1 | 2;
const NAMES: Record<Stream, string> = { 1: 'stdout', 2: 'stderr' };
const KNOWN_PATHS = /^\/(?:dev\/(?:(stdout)|(stderr)|fd\/([12]))|proc\/(?:self|thread-self|\d+)\/fd\/([12]))$/;

export function installDirectOutputGuard(route: (stream: Stream, text: string) => void): DirectOutputGuard {
  const noticed = new Set<string>();
  /** Descriptors that stand for the harness's stdout or stderr: 1, 2, and those opened on their paths. */
  const aliases = new Map<number, Stream>([
    [1, 1],
    [2, 2],
  ]);
  const real = {
    write: fs.write,
    writeSync: fs.writeSync,
    writev: fs.writev,
    writevSync: fs.writevSync,
    writeFile: fs.writeFile,
    writeFileSync: fs.writeFileSync,
    appendFile: fs.appendFile,
    appendFileSync: fs.appendFileSync,
    open: fs.open,
    openSync: fs.openSync,
    close: fs.close,
    closeSync: fs.closeSync,
    promisesWriteFile: fs.promises.writeFile,
    promisesAppendFile: fs.promises.appendFile,
    promisesOpen: fs.promises.open,
  };
  // What fd 1 and 2 are, to recognise another name of the same file; /dev/null is never the harness's output.
  const identity = (stat: fs.Stats) => `${stat.dev}:${stat.ino}:${stat.rdev}`;
  const identities = new Map<string, Stream>();
  let devNull: string | undefined;
  try {
    devNull = identity(fs.statSync('/dev/null'));
  } catch {
    devNull = undefined;
  }
  for (const stream of [2, 1] as const) {
    try {
      const id = identity(fs.fstatSync(stream));
      if (id !== devNull) identities.set(id, stream);
    } catch {
      // Closed or unreadable: only its known paths are recognised.
    }
  }

  const notice = (stream: Stream, how: string, outcome = 'the output was passed through redaction instead') =>
    noticed.add(`wrote to the harness's ${NAMES[stream]} directly (${how}); ${outcome}`);

  /** The harness stream a path names, if it names one. */
  const streamOfPath = (path: unknown): Stream | undefined => {
    let text: string;
    if (typeof path === 'string') text = path;
    else if (path instanceof URL) {
      if (path.protocol !== 'file:') return undefined;
      text = fileURLToPath(path);
    } else if (path instanceof Uint8Array) text = Buffer.from(path).toString();
    else return undefined;
    const known = KNOWN_PATHS.exec(text.replace(/\/+/g, '/'));
    if (known) return known[1] || known[3] === '1' || known[4] === '1' ? 1 : 2;
    if (identities.size === 0) return undefined;
    try {
      return identities.get(identity(fs.statSync(text)));
    } catch {
      return undefined;
    }
  };
  const writes = (flags: unknown) =>
    typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags);
  const streamOfFile = (file: unknown): Stream | undefined => (typeof file === 'number' ? aliases.get(file) : streamOfPath(file));

  /** The bytes a write call names: (buffer, offset, length) or (buffer, { offset, length }) or (string, position, encoding). */
  const chunkOf = (data: unknown, rest: unknown[]): { chunk: string | Uint8Array; bytes: number } => {
    if (typeof data === 'string') {
      const encoding = typeof rest[1] === 'string' ? (rest[1] as BufferEncoding) : typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
      const buffer = Buffer.from(data, Buffer.isEncoding(encoding) ? encoding : 'utf8');
      return { chunk: buffer, bytes: buffer.length };
    }
    if (ArrayBuffer.isView(data)) {
      const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const options = rest[0] !== null && typeof rest[0] === 'object' ? (rest[0] as { offset?: number; length?: number }) : undefined;
      const offset = (typeof rest[0] === 'number' ? rest[0] : options?.offset) ?? 0;
      const length = (typeof rest[1] === 'number' ? rest[1] : options?.length) ?? view.length - offset;
      const chunk = view.subarray(offset, offset + length);
      return { chunk, bytes: chunk.length };
    }
    const text = String(data);
    return { chunk: text, bytes: Buffer.byteLength(text) };
  };
  const send = (stream: Stream, chunk: string | Uint8Array) => {
    // As text, decoded now: the caller may reuse its buffer as soon as the call returns, and a
    // worker's stdio is a text channel (redacted line by line).
    route(stream, typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'));
  };
  const lastCallback = (args: unknown[]) => (typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as (...a: unknown[]) => void) : undefined);

  const patched: Partial<Record<keyof typeof fs, unknown>> = {
    writeSync(fd: number, data: unknown, ...rest: unknown[]) {
      const stream = aliases.get(fd);
      if (stream === undefined) return (real.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
      notice(stream, `fs.writeSync on fd ${fd}`);
      const { chunk, bytes } = chunkOf(data, rest);
      send(stream, chunk);
      return bytes;
    },
    write(fd: number, data: unknown, ...rest: unknown[]) {
      const stream = aliases.get(fd);
      if (stream === undefined) return (real.write as (...a: unknown[]) => void)(fd, data, ...rest);
      notice(stream, `fs.write on fd ${fd}`);
      const callback = lastCallback(rest);
      const { chunk, bytes } = chunkOf(data, callback ? rest.slice(0, -1) : rest);
      send(stream, chunk);
      if (callback) process.nextTick(callback, null, bytes, data);
    },
    writevSync(fd: number, buffers: readonly ArrayBufferView[], ...rest: unknown[]) {
      const stream = aliases.get(fd);
      if (stream === undefined) return (real.writevSync as (...a: unknown[]) => number)(fd, buffers, ...rest);
      notice(stream, `fs.writevSync on fd ${fd}`);
      let bytes = 0;
      for (const buffer of buffers) {
        const { chunk, bytes: n } = chunkOf(buffer, []);
        send(stream, chunk);
        bytes += n;
      }
      return bytes;
    },
    writev(fd: number, buffers: readonly ArrayBufferView[], ...rest: unknown[]) {
      const stream = aliases.get(fd);
      if (stream === undefined) return (real.writev as (...a: unknown[]) => void)(fd, buffers, ...rest);
      notice(stream, `fs.writev on fd ${fd}`);
      let bytes = 0;
      for (const buffer of buffers) {
        const { chunk, bytes: n } = chunkOf(buffer, []);
        send(stream, chunk);
        bytes += n;
      }
      const callback = lastCallback(rest);
      if (callback) process.nextTick(callback, null, bytes, buffers);
    },
    writeFileSync(file: unknown, data: unknown, ...rest: unknown[]) {
      const stream = streamOfFile(file);
      if (stream === undefined) return (real.writeFileSync as (...a: unknown[]) => void)(file, data, ...rest);
      notice(stream, `fs.writeFileSync to ${describeFile(file)}`);
      send(stream, chunkOf(data, []).chunk);
    },
    appendFileSync(file: unknown, data: unknown, ...rest: unknown[]) {
      const stream = streamOfFile(file);
      if (stream === undefined) return (real.appendFileSync as (...a: unknown[]) => void)(file, data, ...rest);
      notice(stream, `fs.appendFileSync to ${describeFile(file)}`);
      send(stream, chunkOf(data, []).chunk);
    },
    writeFile(file: unknown, data: unknown, ...rest: unknown[]) {
      const stream = streamOfFile(file);
      if (stream === undefined) return (real.writeFile as (...a: unknown[]) => void)(file, data, ...rest);
      notice(stream, `fs.writeFile to ${describeFile(file)}`);
      send(stream, chunkOf(data, []).chunk);
      const callback = lastCallback(rest);
      if (callback) process.nextTick(callback, null);
    },
    appendFile(file: unknown, data: unknown, ...rest: unknown[]) {
      const stream = streamOfFile(file);
      if (stream === undefined) return (real.appendFile as (...a: unknown[]) => void)(file, data, ...rest);
      notice(stream, `fs.appendFile to ${describeFile(file)}`);
      send(stream, chunkOf(data, []).chunk);
      const callback = lastCallback(rest);
      if (callback) process.nextTick(callback, null);
    },
    openSync(path: unknown, flags?: unknown, ...rest: unknown[]) {
      const stream = writes(flags) ? streamOfPath(path) : undefined;
      if (stream === undefined) return (real.openSync as (...a: unknown[]) => number)(path, flags, ...rest);
      // A descriptor of its own that goes nowhere; what is written to it is routed above.
      const fd = real.openSync('/dev/null', 'w');
      aliases.set(fd, stream);
      return fd;
    },
    open(path: unknown, ...rest: unknown[]) {
      const flags = typeof rest[0] === 'function' ? undefined : rest[0];
      const stream = writes(flags) ? streamOfPath(path) : undefined;
      if (stream === undefined) return (real.open as (...a: unknown[]) => void)(path, ...rest);
      const callback = lastCallback(rest);
      real.open('/dev/null', 'w', (error, fd) => {
        if (!error) aliases.set(fd, stream);
        callback?.(error, fd);
      });
    },
    closeSync(fd: number) {
      if (fd !== 1 && fd !== 2) aliases.delete(fd);
      return real.closeSync(fd);
    },
    close(fd: number, ...rest: unknown[]) {
      if (fd !== 1 && fd !== 2) aliases.delete(fd);
      return (real.close as (...a: unknown[]) => void)(fd, ...rest);
    },
  };
  for (const [name, fn] of Object.entries(patched)) (fs as unknown as Record<string, unknown>)[name] = fn;

  const promises = fs.promises as unknown as Record<string, unknown>;
  promises['writeFile'] = async (file: unknown, data: unknown, ...rest: unknown[]) => {
    const stream = typeof file === 'object' && file !== null && 'fd' in file ? aliases.get((file as { fd: number }).fd) : streamOfPath(file);
    if (stream === undefined) return (real.promisesWriteFile as (...a: unknown[]) => Promise<void>)(file, data, ...rest);
    notice(stream, `fs.promises.writeFile to ${describeFile(file)}`);
    send(stream, chunkOf(data, []).chunk);
  };
  promises['appendFile'] = async (file: unknown, data: unknown, ...rest: unknown[]) => {
    const stream = typeof file === 'object' && file !== null && 'fd' in file ? aliases.get((file as { fd: number }).fd) : streamOfPath(file);
    if (stream === undefined) return (real.promisesAppendFile as (...a: unknown[]) => Promise<void>)(file, data, ...rest);
    notice(stream, `fs.promises.appendFile to ${describeFile(file)}`);
    send(stream, chunkOf(data, []).chunk);
  };
  promises['open'] = async (path: unknown, flags?: unknown, ...rest: unknown[]) => {
    const stream = writes(flags) ? streamOfPath(path) : undefined;
    if (stream === undefined) return (real.promisesOpen as (...a: unknown[]) => Promise<unknown>)(path, flags, ...rest);
    // A FileHandle writes through its own binding, not through fs: what it writes is dropped, not shown.
    notice(stream, `fs.promises.open of ${describeFile(path)}`, 'what was written through it was dropped');
    return real.promisesOpen('/dev/null', 'w');
  };
  // `import { writeSync } from 'node:fs'` reads the same functions from here on.
  syncBuiltinESMExports();

  return {
    drain() {
      const found = [...noticed];
      noticed.clear();
      return found;
    },
  };
}

function describeFile(file: unknown): string {
  if (typeof file === 'number') return `fd ${file}`;
  if (typeof file === 'string') return file.slice(0, 100);
  if (file instanceof URL) return file.href.slice(0, 100);
  return 'a file handle';
}
