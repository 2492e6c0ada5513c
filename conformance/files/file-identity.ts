import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * What a path names on disk, so that two paths can be compared as files, not as strings: the
 * real path of its folder (symbolic links in the folders resolved, folders not made yet kept as
 * written) plus its own name, and, when it exists, its device and inode (a hard link has another
 * name and the same inode). The last component is not resolved: a link there is a link, which
 * the callers refuse or follow on purpose.
 */
export interface FileIdentity {
  /** Absolute, with every existing folder on the way resolved. */
  real: string;
  /** Device and inode of what the path leads to (following a final link), when it exists. */
  node?: { dev: number; ino: number };
}

/** The real path of `path`'s nearest existing folder, with the missing rest appended. */
function realFolder(folder: string): string {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return join(current, ...missing.reverse());
      missing.push(basename(current));
      current = parent;
    }
  }
}

export function fileIdentity(path: string, cwd: string = process.cwd()): FileIdentity {
  const absolute = resolve(cwd, path);
  const real = join(realFolder(dirname(absolute)), basename(absolute));
  try {
    const info = statSync(absolute);
    return { real, node: { dev: info.dev, ino: info.ino } };
  } catch {
    return { real };
  }
}

/** Whether two identities are one file: the same inode, or the same real path. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.node && b.node) return a.node.dev === b.node.dev && a.node.ino === b.node.ino;
  return a.real === b.real;
}

/** Whether `inner` is `folder` itself or lies anywhere below it (by real path, or by inode for the folder itself). */
export function isWithin(inner: FileIdentity, folder: FileIdentity): boolean {
  if (sameFile(inner, folder)) return true;
  const realFolderPath = (() => {
    try {
      return realpathSync(folder.real);
    } catch {
      return folder.real;
    }
  })();
  return inner.real.startsWith(realFolderPath.endsWith(sep) ? realFolderPath : `${realFolderPath}${sep}`);
}

/** Whether `path` itself is a symbolic link (not followed). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
