// The package as npm would publish it, built and packed in a folder of its own: the
// compiled output goes to <staging>/dist, not to the repository's dist/, so packing never
// races another test that builds dist/ at the same time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';

/** What package.json "files" lists outside dist/ (npm pack applies the exact globs). */
const SOURCES_PACKED = [
  'package.json',
  'LICENSE',
  'README.md',
  'CONTRACT.md',
  'model',
  'fixtures',
  'generated',
  'conformance/fixtures',
  'conformance/expectations',
  'conformance/cli/conformance.config.schema.json',
  // What the README links to, so each of its links resolves inside the package too.
  'conformance/adapters/aws-sdk-v2.ts',
  'examples/vitest-user',
  'decisions',
  'BENCHMARKS.md',
  'CONTRIBUTING.md',
  'TESTING.md',
];

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Builds and packs the package into `folder`; returns the tarball's path. */
export function packPackage(folder: string): string {
  const staging = join(folder, 'staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  run(process.execPath, [tsc, '-p', join(repoRoot, 'tsconfig.build.json'), '--outDir', join(staging, 'dist')], repoRoot);
  for (const path of SOURCES_PACKED)
    if (existsSync(join(repoRoot, path)))
      cpSync(join(repoRoot, path), join(staging, path), { recursive: true, filter: (source) => !source.split(/[\\/]/).includes('node_modules') });
  // --ignore-scripts: "prepack" would build into the staging folder's dist/ again, from no sources.
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], staging)) as Array<{ filename: string }>;
  return join(folder, packed[0]!.filename);
}
