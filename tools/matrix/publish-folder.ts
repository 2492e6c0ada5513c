import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The folder given for the site cannot take it; the message names the folder and why (exit 2). */
export class SiteFolderError extends Error {
  override name = 'SiteFolderError';
}

const scratchName = (folder: string, purpose: string) => join(dirname(folder), `.${basename(folder)}.${purpose}-${process.pid}-${Date.now().toString(36)}`);

/**
 * Publishes a folder in one step: the files are written into a new sibling folder, which is
 * then renamed into place, so a reader (or a web server) sees the old site or the new one,
 * never a page from one run beside the results of another. The folder may only hold the
 * files of an earlier publish (`ownedNames`): anything else in it is the user's, and it is refused rather
 * than deleted. A symbolic link to a folder is followed, so the link itself stays.
 */
export function publishFolder(folder: string, files: Readonly<Record<string, string>>, ownedNames: readonly string[] = Object.keys(files)): string {
  let target = folder;
  if (existsSync(folder)) {
    target = realpathSync(folder);
    if (!lstatSync(target).isDirectory()) throw new SiteFolderError(`--out ${folder}: not a folder`);
    const foreign = readdirSync(target).filter((name) => !ownedNames.includes(name));
    if (foreign.length)
      throw new SiteFolderError(
        `--out ${folder}: holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}, which the matrix did not write; choose a new or empty folder`,
      );
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = scratchName(target, 'publishing');
  mkdirSync(staging);
  let replaced: string | undefined;
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(staging, name), text);
    if (existsSync(target)) {
      replaced = scratchName(target, 'replaced');
      renameSync(target, replaced);
    }
    renameSync(staging, target);
  } catch (error) {
    if (replaced && !existsSync(target)) renameSync(replaced, target);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (replaced) rmSync(replaced, { recursive: true, force: true });
  return target;
}
