// How the toolchain scripts (Go, Java, Rust, Python, the official-case fetch) name paths and
// quote a failed tool's output in their errors, so that every message reads the same way.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A path as messages show it: relative to the repository when it is inside it. */
export function shown(path) {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

/** The last lines of a tool's output, for an error message, without colour codes (Maven 3.8 colours some lines even in batch mode). */
export function lastLines(text, count = 30) {
  return String(text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .trimEnd()
    .split('\n')
    .slice(-count)
    .join('\n');
}
