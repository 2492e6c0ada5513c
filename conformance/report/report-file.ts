import { isAbsolute, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.ts';

/**
 * The file a result came from, as a path a CI system can open: relative to the working
 * directory (where CI checks the repository out), with forward slashes. Origins are relative to
 * this package's root (fixtures/..., conformance/...) or absolute; a `#fragment` naming the case
 * inside a module is dropped, since the case id is reported beside the file anyway.
 */
export function reportFile(origin: string, cwd: string = process.cwd()): string {
  const file = origin.replace(/#.*$/, '');
  const absolute = isAbsolute(file) ? file : resolve(packageRoot, file);
  const fromCwd = relative(cwd, absolute);
  const shown = fromCwd === '' || isAbsolute(fromCwd) ? absolute : fromCwd;
  return shown.split(sep).join('/');
}
