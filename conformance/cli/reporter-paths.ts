import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileIdentity, isWithin, sameFile } from '../files/file-identity.ts';
import { UsageError } from './flags.ts';

/** A file or folder the run reads, which no report may replace: named as the message shows it. */
export interface RunInput {
  /** What it is, e.g. "the expectations file (--expectations)". */
  what: string;
  path: string;
  /** A folder: no report may be written anywhere below it either. */
  folder?: boolean;
}

/**
 * Checks every file a reporter will write, before anything runs: a report that cannot be
 * written must not be found out after a whole run (and a stack trace), and a report must never
 * replace what the run reads. A path is fine when it is a writable regular file, or when its
 * nearest existing folder is writable (the reporters create the folders in between). Refused:
 * a folder, a symbolic link (reports are never written through one), a path below a file, one of
 * the run's inputs (the adapter module, the expectations file, the config file, a fixture, the
 * failures file or anything in its folder), and two reporters on one file. Paths are compared as
 * files (files/file-identity.ts: real folder paths, then device and inode), so a symbolic link to a
 * folder or a hard link is caught as well as the same string.
 */
export function checkReporterPaths(specs: ReadonlyArray<{ kind: string; path?: string }>, inputs: readonly RunInput[] = [], cwd = process.cwd()): void {
  const seen: Array<{ flag: string; identity: ReturnType<typeof fileIdentity> }> = [];
  const inputIdentities = inputs.map((input) => ({ input, identity: fileIdentity(input.path, cwd) }));
  for (const spec of specs) {
    if (spec.path === undefined) continue;
    const flag = `--reporter ${spec.kind}=${spec.path}`;
    const path = resolve(cwd, spec.path);
    const identity = fileIdentity(path);
    const other = seen.find((earlier) => sameFile(earlier.identity, identity));
    if (other !== undefined) throw new UsageError(`${flag}: ${other.flag} writes the same file`);
    seen.push({ flag, identity });
    for (const { input, identity: read } of inputIdentities) {
      if (input.folder ? isWithin(identity, read) : sameFile(identity, read)) {
        throw new UsageError(
          `${flag}: ${spec.path} ${input.folder ? 'is in' : 'is'} ${input.what} (${input.path}); a report never replaces what the run reads: write it elsewhere`,
        );
      }
    }
    const link = lstatOrUndefined(path);
    if (link?.isSymbolicLink())
      throw new UsageError(`${flag}: ${spec.path} is a symbolic link; reports are not written through links: give the real path or remove the link`);
    const info = statOrUndefined(path);
    if (info?.isDirectory()) throw new UsageError(`${flag}: ${spec.path} is a folder; give the path of a file to write`);
    if (info !== undefined) {
      if (!info.isFile()) throw new UsageError(`${flag}: ${spec.path} is not a regular file`);
      if (!writable(path)) throw new UsageError(`${flag}: ${spec.path} cannot be written (permission denied)`);
    }
    // The report is written as a new file in its folder, then renamed: the folder must take new files.
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

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
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
