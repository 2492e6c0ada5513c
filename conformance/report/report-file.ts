import { isAbsolute, resolve } from 'node:path';
import { fromWorkingDirectory, inUsersRepository, shippedFile } from '../files/shipped-file.ts';

/**
 * The file a result came from, as a path a CI system can open: relative to the working
 * directory (where CI checks the repository out), with forward slashes. Origins are relative to
 * this package's root (fixtures/..., conformance/...) or absolute; a `#fragment` naming the case
 * inside a module is dropped, since the case id is reported beside the file anyway. A source
 * module that only ships compiled is named by its compiled file. When the file is not in the
 * user's repository (the package installed in node_modules) and `usersFile` is given (their
 * adapter module or config file), that file is named instead: CI can show an annotation there.
 */
export function reportFile(origin: string, cwd: string = process.cwd(), usersFile?: string): string {
  const file = origin.replace(/#.*$/, '');
  const absolute = isAbsolute(file) ? file : shippedFile(file);
  if (usersFile !== undefined && !inUsersRepository(absolute, cwd)) return fromWorkingDirectory(resolve(cwd, usersFile), cwd);
  return fromWorkingDirectory(absolute, cwd);
}
