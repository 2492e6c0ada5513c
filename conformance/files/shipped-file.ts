import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { packageRoot } from '../package-root.ts';

/**
 * Where a file of this package is, given by its path in the repository (`conformance/checks/x.ts`,
 * `fixtures/a.json`): the file itself in a clone; in an installed package, where only the compiled
 * modules ship, `dist/conformance/checks/x.js`. Absolute; a path that exists in neither form
 * (a test-only file) stays as the repository names it, under the package root.
 */
export function shippedFile(repositoryPath: string, root: string = packageRoot): string {
  if (isAbsolute(repositoryPath)) return repositoryPath;
  const source = join(root, repositoryPath);
  if (existsSync(source)) return source;
  const compiled = join(root, 'dist', repositoryPath.replace(/\.([mc]?)ts$/, '.$1js'));
  return existsSync(compiled) ? compiled : source;
}

/** `path` as the user can open it from `cwd`: relative to it (absolute on another drive); forward slashes. */
export function fromWorkingDirectory(path: string, cwd: string = process.cwd()): string {
  const fromCwd = relative(cwd, path);
  const shown = fromCwd === '' || isAbsolute(fromCwd) ? path : fromCwd;
  return shown.split(sep).join('/');
}

/**
 * Whether `path` belongs to the user's repository checked out at `cwd`: below it and not inside
 * an installed package (node_modules), where annotations and links into CI's view of the
 * repository cannot point.
 */
export function inUsersRepository(path: string, cwd: string = process.cwd()): boolean {
  const fromCwd = relative(cwd, path);
  return fromCwd !== '' && !isAbsolute(fromCwd) && !fromCwd.startsWith('..') && !fromCwd.split(sep).includes('node_modules');
}
