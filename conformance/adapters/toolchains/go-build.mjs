#!/usr/bin/env node
// Builds the Go programs the conformance suite runs (the aws-sdk-go-v2 process-adapter shim
// and its deliberately broken variants) into .cache/bin/ at the repository root, which git
// ignores. A build is skipped when nothing that goes into it changed: the stamp beside each
// binary holds a sha256 over go.mod, go.sum, every .go file of the module, the build tags,
// the target platform and `go version`. The binary is written under a temporary name and
// renamed into place, and the stamp is written last, so an interrupted or concurrent build
// never leaves a half-written binary that looks current.
//
// The first build downloads the pinned modules through the Go module proxy (GOPROXY); later
// builds use the module cache. go.mod and go.sum are never edited here (-mod=readonly): a
// missing go.sum entry is an error to fix in the source tree, not something to paper over.
//
// Command line: `node conformance/adapters/toolchains/go-build.mjs [module-dir [--tags a,b] [--name n]]`; without
// arguments it builds every program in KNOWN_PROGRAMS.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines, shown } from './messages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const binDir = join(repoRoot, '.cache', 'bin');

/** The programs `node conformance/adapters/toolchains/go-build.mjs` builds without arguments (e.g. to warm a CI cache). */
export const KNOWN_PROGRAMS = [
  { moduleDir: 'conformance/adapters/shims/aws-sdk-go-v2', name: 'aws-sdk-go-v2-shim' },
  { moduleDir: 'conformance/adapters/shims/aws-sdk-go-v2', name: 'aws-sdk-go-v2-shim-fault-unknown-error', tags: ['fault_unknown_error'] },
];

export class GoBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GoBuildError';
  }
}

/** The files whose content decides the binary, relative to the module, sorted. */
function sourceFiles(moduleDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'testdata' || entry.name === 'vendor') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        // A nested module is a separate build.
        if (!existsSync(join(path, 'go.mod'))) walk(path);
      } else if (entry.name.endsWith('.go') || entry.name === 'go.mod' || entry.name === 'go.sum') {
        found.push(relative(moduleDir, path));
      }
    }
  };
  walk(moduleDir);
  return found.sort();
}

function goVersion(go) {
  const probe = spawnSync(go, ['version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new GoBuildError(`the Go toolchain (\`${go}\`) was not found: ${probe.error.message}. Install Go 1.24 or later, or point GO at the go binary.`);
  }
  if (probe.status !== 0) throw new GoBuildError(`\`${go} version\` failed (exit ${probe.status}):\n${lastLines(probe.stderr)}`);
  return probe.stdout.trim();
}

/**
 * Builds the Go program in `moduleDir` into .cache/bin/<name> unless the binary there is
 * already current. Synchronous, so an adapter module can call it while loading. Throws
 * GoBuildError naming the step that failed (no Go toolchain, module download, compilation).
 *
 * @param {{ moduleDir: string, name?: string, tags?: string[], go?: string, log?: (line: string) => void }} options
 *   moduleDir: the folder with go.mod, absolute or relative to the repository root;
 *   name: the binary's file name (default: the folder's name, plus the tags);
 *   tags: Go build tags; go: the go binary (default $GO, else go); log: progress lines (default stderr).
 * @returns {{ binary: string, built: boolean }}
 */
export function buildGoProgram(options) {
  if (!options?.moduleDir) throw new GoBuildError('buildGoProgram needs the moduleDir to build');
  const moduleDir = isAbsolute(options.moduleDir) ? options.moduleDir : join(repoRoot, options.moduleDir);
  if (!existsSync(join(moduleDir, 'go.mod'))) throw new GoBuildError(`no go.mod in ${shown(moduleDir)}`);
  const tags = [...(options.tags ?? [])].sort();
  const name = options.name ?? [basename(moduleDir), ...tags].join('-');
  const go = options.go ?? process.env.GO ?? 'go';
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const exe = process.platform === 'win32' ? '.exe' : '';
  const binary = join(binDir, `${name}${exe}`);
  const stampFile = `${binary}.sha256`;

  const version = goVersion(go);
  const hash = createHash('sha256');
  hash.update(`${version}\0${process.platform}\0${process.arch}\0tags=${tags.join(',')}\0`);
  for (const file of sourceFiles(moduleDir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(moduleDir, file)));
    hash.update('\0');
  }
  const digest = hash.digest('hex');
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === digest) {
    return { binary, built: false };
  }

  log(`go-build: building ${shown(binary)} from ${shown(moduleDir)}${tags.length ? ` (tags ${tags.join(',')})` : ''}`);
  mkdirSync(binDir, { recursive: true });
  const temporary = `${binary}.tmp-${process.pid}`;
  const args = ['build', '-trimpath', '-mod=readonly', ...(tags.length ? ['-tags', tags.join(',')] : []), '-o', temporary, '.'];
  const started = Date.now();
  const result = spawnSync(go, args, {
    cwd: moduleDir,
    encoding: 'utf8',
    env: { ...process.env, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  if (result.error || result.status !== 0) {
    rmSync(temporary, { force: true });
    const why = result.error ? result.error.message : `exit ${result.status}`;
    const output = lastLines(`${result.stdout}\n${result.stderr}`);
    const hint = /dial tcp|proxy\.golang\.org|no such host|i\/o timeout/.test(output)
      ? ' The first build downloads the pinned modules through the Go module proxy (GOPROXY); it needs that access once.'
      : /missing go\.sum entry|updates to go\.mod needed/.test(output)
        ? ` go.mod/go.sum in ${shown(moduleDir)} are incomplete: run \`go mod tidy\` there and commit the result.`
        : '';
    throw new GoBuildError(`\`go ${args.join(' ')}\` in ${shown(moduleDir)} failed (${why}).${hint}\n${output}`);
  }
  if (!existsSync(temporary) || statSync(temporary).size === 0) {
    throw new GoBuildError(`\`go build\` in ${shown(moduleDir)} reported success but wrote no binary at ${shown(temporary)}`);
  }
  renameSync(temporary, binary);
  writeFileSync(stampFile, `${digest}\n`);
  log(`go-build: ${shown(binary)} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { binary, built: true };
}

function parseArgs(args) {
  const program = { moduleDir: args[0] ? resolve(process.cwd(), args[0]) : undefined };
  for (let i = 1; i < args.length; i += 1) {
    if (args[i] === '--tags') program.tags = (args[++i] ?? '').split(',').filter(Boolean);
    else if (args[i] === '--name') program.name = args[++i];
    else throw new GoBuildError(`unknown argument ${args[i]} (usage: node conformance/adapters/toolchains/go-build.mjs [module-dir [--tags a,b] [--name n]])`);
  }
  return program;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const programs = process.argv.length > 2 ? [parseArgs(process.argv.slice(2))] : KNOWN_PROGRAMS;
    for (const program of programs) {
      const { binary, built } = buildGoProgram(program);
      process.stdout.write(`${shown(binary)}: ${built ? 'built' : 'up to date'}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof GoBuildError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
