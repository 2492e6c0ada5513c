import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './flags.ts';

/**
 * Checks every file a reporter will write, before anything runs: a report that cannot be
 * written must not be found out after a whole run (and a stack trace). A path is fine when it
 * is a writable file, or when its nearest existing folder is writable (the reporters create
 * the folders in between). Two reporters writing one file are refused too.
 */
export function checkReporterPaths(specs: ReadonlyArray<{ kind: string; path?: string }>, cwd = process.cwd()): void {
  const seen = new Map<string, string>();
  for (const spec of specs) {
    if (spec.path === undefined) continue;
    const flag = `--reporter ${spec.kind}=${spec.path}`;
    const path = resolve(cwd, spec.path);
    const other = seen.get(path);
    if (other !== undefined) throw new UsageError(`${flag}: ${other} writes the same file`);
    seen.set(path, flag);
    const info = statOrUndefined(path);
    if (info?.isDirectory()) throw new UsageError(`${flag}: ${spec.path} is a folder; give the path of a file to write`);
    if (info !== undefined) {
      if (!info.isFile()) throw new UsageError(`${flag}: ${spec.path} is not a regular file`);
      if (!writable(path)) throw new UsageError(`${flag}: ${spec.path} cannot be written (permission denied)`);
      continue;
    }
    let folder = dirname(path);
    let folderInfo = statOrUndefined(folder);
    while (folderInfo === undefined && dirname(folder) !== folder) {
      folder = dirname(folder);
      folderInfo = statOrUndefined(folder);
    }
    if (folderInfo !== undefined && !folderInfo.isDirectory()) throw new UsageError(`${flag}: ${folder} is a file, so no folder can be made there`);
    if (folderInfo === undefined || !writable(folder, constants.W_OK | constants.X_OK))
      throw new UsageError(`${flag}: cannot create ${spec.path}: ${folder} is not writable`);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writable(path: string, mode = constants.W_OK): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
