import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { VersionSource } from './lanes.ts';

/** The pinned version a lane's source names, or undefined when the source is not there yet. */
export function resolveVersion(source: VersionSource, repoRoot: string): string | undefined {
  if ('repository' in source) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    return `${manifest.name} ${manifest.version}`;
  }
  if ('npm' in source) {
    const version = npmPackageVersion(source.npm, repoRoot);
    return version === undefined ? undefined : `${source.npm} ${version}`;
  }
  const path = join(repoRoot, source.file);
  if (!existsSync(path)) return undefined;
  const found = source.pattern.exec(readFileSync(path, 'utf8'));
  return found?.[1] === undefined ? undefined : `${source.label} ${found[1]}`;
}

/**
 * The installed version of an npm package. A package whose `exports` hide its package.json
 * (aws-jwt-verify does) is found from its entry point, walking up to its own manifest.
 */
export function npmPackageVersion(name: string, repoRoot: string): string | undefined {
  const require = createRequire(join(repoRoot, 'package.json'));
  const versionAt = (path: string) => {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
    return manifest.name === name ? manifest.version : undefined;
  };
  try {
    return versionAt(require.resolve(`${name}/package.json`));
  } catch {
    // hidden by exports, or not installed
  }
  try {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && versionAt(manifest) !== undefined) return versionAt(manifest);
    }
  } catch {
    // not installed
  }
  return undefined;
}
