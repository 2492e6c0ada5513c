import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { VersionSource } from './lanes.ts';

/** The pinned version a lane's source names, or undefined when the source is not there yet. */
export function resolveVersion(source: VersionSource, repoRoot: string): string | undefined {
  if ('repository' in source) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    return `${manifest.name} ${manifest.version}`;
  }
  if ('npm' in source) {
    try {
      const path = createRequire(join(repoRoot, 'package.json')).resolve(`${source.npm}/package.json`);
      return `${source.npm} ${(JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version}`;
    } catch {
      return undefined;
    }
  }
  const path = join(repoRoot, source.file);
  if (!existsSync(path)) return undefined;
  const found = source.pattern.exec(readFileSync(path, 'utf8'));
  return found?.[1] === undefined ? undefined : `${source.label} ${found[1]}`;
}
