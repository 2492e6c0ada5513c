// What installing the package adds to a user's project: the packed tarball installed into a
// fresh project that already has its own msw (the peer dependency) and brings its own adapter,
// measured as the growth of node_modules. Also the whole node_modules of a project that
// installs the package alone (npm then installs the msw peer with it).
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackage } from '../package/pack.ts';
import { repoRoot } from '../paths.ts';

export interface NodeModulesSize {
  packages: number;
  bytes: number;
}

export interface InstalledSize {
  /** node_modules of a project with only msw. */
  mswOnly: NodeModulesSize;
  /** The same project after `npm install <tarball>`. */
  withPackage: NodeModulesSize;
  /** A project that installs the tarball alone (msw arrives as the peer). */
  packageAlone: NodeModulesSize;
  msw: string;
}

/** Every package folder under node_modules (scoped and nested ones too) and the bytes of their files. */
export function sizeOfNodeModules(folder: string): NodeModulesSize {
  let packages = 0;
  let bytes = 0;
  const walkFiles = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walkFiles(join(path, entry));
    else bytes += stat.size;
  };
  const walkPackages = (nodeModules: string): void => {
    for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(nodeModules, entry.name);
      if (entry.name.startsWith('@')) {
        walkPackages(path);
        continue;
      }
      packages++;
      walkFiles(path);
    }
  };
  walkPackages(join(folder, 'node_modules'));
  return { packages, bytes };
}

function npmInstall(cwd: string, specs: string[]): void {
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: join(repoRoot, '.cache', 'npm') },
  });
  if (result.status !== 0) throw new Error(`npm install ${specs.join(' ')} failed:\n${result.stderr}`);
}

function freshProject(parent: string, name: string): string {
  const folder = join(parent, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  return folder;
}

/** Packs the package and measures it installed; everything happens in a temporary folder outside the repository. */
export function measureInstalledSize(): InstalledSize {
  const work = mkdtempSync(join(tmpdir(), 'installed-size-'));
  try {
    const tarball = packPackage(work);
    const msw = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'msw', 'package.json'), 'utf8')) as { version: string }).version;
    const users = freshProject(work, 'brings-msw');
    npmInstall(users, [`msw@${msw}`]);
    const mswOnly = sizeOfNodeModules(users);
    npmInstall(users, [tarball]);
    const withPackage = sizeOfNodeModules(users);
    const alone = freshProject(work, 'package-alone');
    npmInstall(alone, [tarball]);
    return { mswOnly, withPackage, packageAlone: sizeOfNodeModules(alone), msw };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The BENCHMARKS.md section. */
export function installedSizeSection(size: InstalledSize): string[] {
  const added = { packages: size.withPackage.packages - size.mswOnly.packages, bytes: size.withPackage.bytes - size.mswOnly.bytes };
  return [
    '## Installed size (the packed package in a fresh project that brings its own adapter)',
    '',
    '| node_modules | packages | size |',
    '| --- | --- | --- |',
    `| a project with msw ${size.msw} only | ${size.mswOnly.packages} | ${mb(size.mswOnly.bytes)} |`,
    `| the same after \`npm install revoketoken-conformance\` | ${size.withPackage.packages} | ${mb(size.withPackage.bytes)} |`,
    `| **added by the package** (goal: at most 30 MB) | **${added.packages}** | **${mb(added.bytes)}** |`,
    `| a project installing the package alone (msw arrives as the peer) | ${size.packageAlone.packages} | ${mb(size.packageAlone.bytes)} |`,
  ];
}
