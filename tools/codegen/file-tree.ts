import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Relative path (with forward slashes) to file contents. */
export type FileTree = Map<string, string>;

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Lines naming each file that is missing, extra or different in `root` compared with `files`. */
export function compareTrees(files: FileTree, root: string): string[] {
  const onDisk = new Set(listFiles(root));
  const differences: string[] = [];
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!onDisk.has(name)) differences.push(`missing: ${name}`);
    else if (readFileSync(join(root, name), 'utf8') !== text) differences.push(`differs: ${name}`);
    onDisk.delete(name);
  }
  for (const name of onDisk) differences.push(`not produced by the model: ${name}`);
  return differences;
}

/** Replaces the whole of `root` with `files`. */
export function writeTree(files: FileTree, root: string): void {
  rmSync(root, { recursive: true, force: true });
  for (const [name, text] of files) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
