#!/usr/bin/env node
// Builds the Rust programs the conformance suite runs (the aws-sdk-rust process-adapter shim
// and its deliberately broken variants) into .cache/bin/ at the repository root, which git
// ignores. A build is skipped when nothing that goes into it changed: the stamp beside each
// binary holds a sha256 over Cargo.toml, Cargo.lock, every file under src/, the cargo
// features, the profile, the target platform, `rustc -V` and `cargo -V`. The binary is
// copied under a temporary name and renamed into place, and the stamp is written last, so an
// interrupted or concurrent build never leaves a half-written binary that looks current.
//
// Cargo's intermediate files live in .cache/cargo-target/<package name>/, one target folder
// for every variant of a crate: the variants differ only in the shim's own features, so a
// second variant recompiles the shim alone, not the SDK. Cargo.lock is never changed here
// (--locked): a lock file that no longer matches Cargo.toml is an error to fix in the source
// tree. The first build downloads the pinned crates from crates.io into ~/.cargo (CARGO_HOME).
//
// Command line: `node conformance/adapters/toolchains/rust-build.mjs [crate-dir [--features a,b] [--name n]]`; without
// arguments it builds every program in KNOWN_PROGRAMS.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDirectoryLock } from './directory-lock.mjs';
import { lastLines, shown } from './messages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const binDir = join(repoRoot, '.cache', 'bin');
export const targetRoot = join(repoRoot, '.cache', 'cargo-target');

/**
 * The cargo profile the shims are built with. The cold build decides CI time: measured on the
 * two shared cores (BENCHMARKS.md), dev costs 84 s of CPU and runs a default suite at 1.6x
 * aws-sdk-v3's per-call time, release 261 s for 1.0x.
 */
export const PROFILE = 'dev';
/** Two jobs: the machine is shared, and the test runner is busy too. */
const JOBS = '2';
const LOCK_TIMEOUT_MS = 20 * 60 * 1000;

/** The programs `node conformance/adapters/toolchains/rust-build.mjs` builds without arguments (e.g. to warm a CI cache). */
export const KNOWN_PROGRAMS = [
  { crateDir: 'conformance/adapters/shims/aws-sdk-rust', name: 'aws-sdk-rust-shim' },
  { crateDir: 'conformance/adapters/shims/aws-sdk-rust', name: 'aws-sdk-rust-shim-fault-unknown-error', features: ['fault_unknown_error'] },
];

export class RustBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'RustBuildError';
  }
}

/** The files whose content decides the binary, relative to the crate, sorted. */
function sourceFiles(crateDir) {
  const found = ['Cargo.toml', 'Cargo.lock'].filter((file) => existsSync(join(crateDir, file)));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(crateDir, path));
    }
  };
  if (existsSync(join(crateDir, 'src'))) walk(join(crateDir, 'src'));
  return found.sort();
}

/** `-V` of each tool, asked once per process: the stamp check must stay cheap. */
const versionsSeen = new Map();

function toolVersion(tool, what) {
  const key = `${what}\0${tool}`;
  if (!versionsSeen.has(key)) versionsSeen.set(key, askToolVersion(tool, what));
  return versionsSeen.get(key);
}

function askToolVersion(tool, what) {
  const probe = spawnSync(tool, ['-V'], { encoding: 'utf8' });
  if (probe.error) {
    throw new RustBuildError(
      `the Rust toolchain's ${what} (\`${tool}\`) was not found: ${probe.error.message}. Install Rust 1.94.1 or later (rustup), or point ${what === 'compiler' ? 'RUSTC' : 'CARGO'} at it.`,
    );
  }
  if (probe.status !== 0) throw new RustBuildError(`\`${tool} -V\` failed (exit ${probe.status}):\n${lastLines(probe.stderr)}`);
  return probe.stdout.trim();
}

function packageName(crateDir) {
  const manifest = readFileSync(join(crateDir, 'Cargo.toml'), 'utf8');
  const name = /\[package\][^[]*?^name\s*=\s*"([^"]+)"/m.exec(manifest)?.[1];
  if (!name) throw new RustBuildError(`${shown(join(crateDir, 'Cargo.toml'))} has no [package] name`);
  return name;
}

/** The [[bin]] target cargo builds, read from Cargo.toml (the package name when there is no [[bin]] name). */
function binaryTarget(crateDir) {
  const manifest = readFileSync(join(crateDir, 'Cargo.toml'), 'utf8');
  return /\[\[bin\]\][^[]*?^name\s*=\s*"([^"]+)"/m.exec(manifest)?.[1] ?? packageName(crateDir);
}

/**
 * Builds the Rust program in `crateDir` into .cache/bin/<name> unless the binary there is
 * already current. Synchronous, so an adapter module can call it while loading. Throws
 * RustBuildError naming the step that failed (no toolchain, crate download, compilation).
 *
 * @param {{ crateDir: string, name?: string, features?: string[], cargo?: string, rustc?: string, log?: (line: string) => void }} options
 * @returns {{ binary: string, built: boolean }}
 */
export function buildRustProgram(options) {
  if (!options?.crateDir) throw new RustBuildError('buildRustProgram needs the crateDir to build');
  const crateDir = isAbsolute(options.crateDir) ? options.crateDir : join(repoRoot, options.crateDir);
  if (!existsSync(join(crateDir, 'Cargo.toml'))) throw new RustBuildError(`no Cargo.toml in ${shown(crateDir)}`);
  if (!existsSync(join(crateDir, 'Cargo.lock'))) {
    throw new RustBuildError(`no Cargo.lock in ${shown(crateDir)}: run \`cargo generate-lockfile\` there and commit it (builds are --locked)`);
  }
  const features = [...(options.features ?? [])].sort();
  const name = options.name ?? [basename(crateDir), ...features].join('-');
  const cargo = options.cargo ?? process.env.CARGO ?? 'cargo';
  const rustc = options.rustc ?? process.env.RUSTC ?? 'rustc';
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const exe = process.platform === 'win32' ? '.exe' : '';
  const binary = join(binDir, `${name}${exe}`);
  const stampFile = `${binary}.sha256`;

  const versions = `${toolVersion(rustc, 'compiler')}\0${toolVersion(cargo, 'cargo')}`;
  const hash = createHash('sha256');
  hash.update(`${versions}\0${process.platform}\0${process.arch}\0profile=${PROFILE}\0features=${features.join(',')}\0`);
  for (const file of sourceFiles(crateDir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(crateDir, file)));
    hash.update('\0');
  }
  const digest = hash.digest('hex');
  const current = () => existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === digest;
  if (current()) return { binary, built: false };

  const targetDir = join(targetRoot, packageName(crateDir));
  return withDirectoryLock(
    `${targetDir}.lock`,
    () => {
      // Another process may have built it while this one waited for the lock.
      if (current()) return { binary, built: false };
      log(`rust-build: building ${shown(binary)} from ${shown(crateDir)}${features.length ? ` (features ${features.join(',')})` : ''}`);
      const args = [
        'build',
        '--locked',
        '--profile',
        PROFILE,
        '-j',
        JOBS,
        '--bin',
        binaryTarget(crateDir),
        ...(features.length ? ['--features', features.join(',')] : []),
      ];
      const started = Date.now();
      const result = spawnSync(cargo, args, {
        cwd: crateDir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CARGO_TARGET_DIR: targetDir, RUSTC: rustc, CARGO_TERM_COLOR: 'never' },
      });
      if (result.error || result.status !== 0) {
        const why = result.error ? result.error.message : `exit ${result.status}`;
        const output = lastLines(`${result.stdout}\n${result.stderr}`);
        const hint = /failed to (download|get|fetch|query)|index\.crates\.io|Couldn't resolve host|network/i.test(output)
          ? ' The first build downloads the pinned crates from crates.io into ~/.cargo; it needs that access once.'
          : /lock file .* needs to be updated|--locked was passed/.test(output)
            ? ` Cargo.lock in ${shown(crateDir)} does not match Cargo.toml: run \`cargo update -w\` there and commit the result.`
            : '';
        throw new RustBuildError(`\`cargo ${args.join(' ')}\` in ${shown(crateDir)} failed (${why}).${hint}\n${output}`);
      }
      const built = join(targetDir, PROFILE === 'dev' ? 'debug' : PROFILE, `${binaryTarget(crateDir)}${exe}`);
      if (!existsSync(built) || statSync(built).size === 0) {
        throw new RustBuildError(`\`cargo build\` in ${shown(crateDir)} reported success but wrote no binary at ${shown(built)}`);
      }
      mkdirSync(binDir, { recursive: true });
      const temporary = `${binary}.tmp-${process.pid}`;
      copyFileSync(built, temporary);
      renameSync(temporary, binary);
      writeFileSync(stampFile, `${digest}\n`);
      log(`rust-build: ${shown(binary)} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { binary, built: true };
    },
    { timeoutMs: LOCK_TIMEOUT_MS, fail: (message) => new RustBuildError(message), shown, what: 'build' },
  );
}

class UsageError extends RustBuildError {}

function parseArgs(args) {
  if (args[0]?.startsWith('-'))
    throw new UsageError(`unknown argument ${args[0]} (usage: node conformance/adapters/toolchains/rust-build.mjs [crate-dir [--features a,b] [--name n]])`);
  const program = { crateDir: args[0] ? resolve(process.cwd(), args[0]) : undefined };
  for (let i = 1; i < args.length; i += 1) {
    if (args[i] === '--features') program.features = (args[++i] ?? '').split(',').filter(Boolean);
    else if (args[i] === '--name') program.name = args[++i];
    else
      throw new UsageError(`unknown argument ${args[i]} (usage: node conformance/adapters/toolchains/rust-build.mjs [crate-dir [--features a,b] [--name n]])`);
  }
  return program;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const programs = process.argv.length > 2 ? [parseArgs(process.argv.slice(2))] : KNOWN_PROGRAMS;
    for (const program of programs) {
      const { binary, built } = buildRustProgram(program);
      process.stdout.write(`${shown(binary)}: ${built ? 'built' : 'up to date'}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof RustBuildError ? error.message : error.stack}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
