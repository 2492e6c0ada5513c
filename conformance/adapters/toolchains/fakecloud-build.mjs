#!/usr/bin/env node
// Builds fakecloud, the emulator of the server suite's fakecloud lane, from crates.io with
// `cargo install --locked --version <pinned>`, into a cache folder keyed by everything that
// decides the binary. fakecloud is AGPL-3.0: it is only ever run as a separate process (the
// lane spawns it), never linked into anything of this project, and never part of the package
// (it lives under .cache/ or a cache outside the clone, neither of which package.json `files`
// lists).
//
// The cache key is a sha256 over the crate name and version, the sha256 of the published
// .crate file (which fixes the Cargo.lock that --locked builds from), the sha256 of that
// Cargo.lock, the cargo profile and features, and `rustc -vV` and `cargo -V` (compiler,
// LLVM and host triple). The binary goes to <cache>/fakecloud-<version>-<key>/bin/, with a
// stamp written last that holds the key and the binary's own sha256: a build that was
// interrupted, a binary that changed on disk, or a build by another toolchain is never taken
// for a current one. Cargo's intermediate files live in <cache>/target and are shared by every
// key, so a new toolchain or a new version recompiles only what changed.
//
// The cache is .cache/fakecloud-build at the repository root, or $REVOKETOKEN_TOOLCHAIN_CACHE/
// fakecloud-build when that is set: CI runs in a fresh clone, and a cold release build takes
// far longer than CI's time limit allows (BENCHMARKS.md), so .ci/run points it at a folder
// that outlives the clone. The key makes that safe: a changed pin or toolchain misses the cache
// and builds, it never reuses a stale binary.
//
// Command line: `node conformance/adapters/toolchains/fakecloud-build.mjs [--print-key]`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDirectoryLock } from './directory-lock.mjs';
import { lastLines, repoRoot, shown } from './messages.mjs';

/** The fakecloud release conformance/expectations/fakecloud.json describes. */
export const FAKECLOUD_VERSION = '0.51.0';
/** sha256 of fakecloud-0.51.0.crate as crates.io serves it (cargo checks the same sum from the index). */
export const FAKECLOUD_CRATE_SHA256 = '813ea7a66db0e76cdd7af2f6b10ef33929d94a1887b6f7f66f845b3ab28dc4b4';
/** sha256 of the Cargo.lock inside that .crate, which `cargo install --locked` builds from. */
export const FAKECLOUD_CARGO_LOCK_SHA256 = '9ac676233648e86ff1525d625fd8dd7313d0e6d7e28888ce51333673a1467467';
/** cargo install's default profile, as fakecloud's users build it. */
export const PROFILE = 'release';
/** Two jobs: the machine is shared. */
const JOBS = '2';
/** A cold build is long (BENCHMARKS.md); a process waiting for another's build waits that long too. */
const LOCK_TIMEOUT_MS = 3 * 60 * 60 * 1000;

export class FakecloudBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'FakecloudBuildError';
  }
}

/** The folder that holds the builds: $REVOKETOKEN_TOOLCHAIN_CACHE/fakecloud-build, else .cache/fakecloud-build in the clone. */
export function cacheRoot(env = process.env) {
  const shared = env.REVOKETOKEN_TOOLCHAIN_CACHE;
  if (shared !== undefined && shared !== '') return join(resolve(shared), 'fakecloud-build');
  return join(repoRoot, '.cache', 'fakecloud-build');
}

function toolOutput(tool, args, what) {
  const probe = spawnSync(tool, args, { encoding: 'utf8' });
  if (probe.error) {
    throw new FakecloudBuildError(
      `the Rust toolchain's ${what} (\`${tool}\`) was not found: ${probe.error.message}. Install Rust (rustup), or point ${what === 'compiler' ? 'RUSTC' : 'CARGO'} at it.`,
    );
  }
  if (probe.status !== 0) throw new FakecloudBuildError(`\`${tool} ${args.join(' ')}\` failed (exit ${probe.status}):\n${lastLines(probe.stderr)}`);
  return probe.stdout.trim();
}

function sha256File(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The cache key: what decides the binary, hashed. Cheap (two tool starts), so the lane asks it on every start.
 * @param {{ cargo?: string, rustc?: string }} [tools]
 */
export function buildKey(tools = {}) {
  const cargo = tools.cargo ?? process.env.CARGO ?? 'cargo';
  const rustc = tools.rustc ?? process.env.RUSTC ?? 'rustc';
  const inputs = {
    crate: 'fakecloud',
    version: FAKECLOUD_VERSION,
    crateSha256: FAKECLOUD_CRATE_SHA256,
    cargoLockSha256: FAKECLOUD_CARGO_LOCK_SHA256,
    profile: PROFILE,
    features: [],
    locked: true,
    rustc: toolOutput(rustc, ['-vV'], 'compiler'),
    cargo: toolOutput(cargo, ['-V'], 'cargo'),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** Where the build of one key lives, and its stamp. */
export function installPaths(key, root = cacheRoot()) {
  const installDir = join(root, `fakecloud-${FAKECLOUD_VERSION}-${key.slice(0, 16)}`);
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { installDir, binary: join(installDir, 'bin', `fakecloud${exe}`), stamp: join(installDir, 'stamp.json') };
}

/** Whether the build at `paths` is complete and unchanged: the stamp names this key and the binary's sha256 is the one recorded. */
export function isCurrent(paths, key) {
  if (!existsSync(paths.stamp) || !existsSync(paths.binary)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
  } catch {
    return false;
  }
  return stamp?.key === key && stamp?.binarySha256 === sha256File(paths.binary);
}

/** The .crate and the unpacked sources cargo fetched for this version, checked against the pins (a pin that no longer holds is an error, not a silent rebuild). */
function checkFetchedSources(cargoHome) {
  const registry = join(cargoHome, 'registry');
  for (const [folder, file, wanted, what] of [
    ['cache', `fakecloud-${FAKECLOUD_VERSION}.crate`, FAKECLOUD_CRATE_SHA256, 'crate'],
    ['src', join(`fakecloud-${FAKECLOUD_VERSION}`, 'Cargo.lock'), FAKECLOUD_CARGO_LOCK_SHA256, 'Cargo.lock'],
  ]) {
    if (!existsSync(join(registry, folder))) continue;
    for (const index of readdirSync(join(registry, folder))) {
      const path = join(registry, folder, index, file);
      if (!existsSync(path)) continue;
      const actual = sha256File(path);
      if (actual !== wanted) {
        throw new FakecloudBuildError(
          `the fakecloud ${FAKECLOUD_VERSION} ${what} at ${path} has sha256 ${actual}, not the pinned ${wanted}: the pin in conformance/adapters/toolchains/fakecloud-build.mjs no longer describes what crates.io serves`,
        );
      }
    }
  }
}

/**
 * Makes sure the pinned fakecloud is built for the current toolchain, building it when it is
 * missing or stale. Synchronous and idempotent; cheap when current (the key, and one sha256
 * over the binary). Throws FakecloudBuildError naming the step that failed.
 *
 * With `build: false` a missing build is not started: the error names the command that builds
 * it. The matrix and the server CLI under REVOKETOKEN_COLD_BUILDS=never run that way, so a lane
 * whose build is not cached fails in moments with that reason instead of building for hours.
 *
 * @param {{ cargo?: string, rustc?: string, root?: string, log?: (line: string) => void, build?: boolean }} [options]
 * @returns {{ binary: string, key: string, built: boolean, seconds?: number }}
 */
export function ensureFakecloud(options = {}) {
  const cargo = options.cargo ?? process.env.CARGO ?? 'cargo';
  const rustc = options.rustc ?? process.env.RUSTC ?? 'rustc';
  const root = options.root ?? cacheRoot();
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const key = buildKey({ cargo, rustc });
  const paths = installPaths(key, root);
  if (isCurrent(paths, key)) return { binary: paths.binary, key, built: false };
  if (options.build === false) {
    throw new FakecloudBuildError(
      `fakecloud ${FAKECLOUD_VERSION} is not built for this toolchain yet (${shown(paths.installDir)}); its cold release build takes longer than a CI run on 2 cores, so it is built once into a cache that later runs resume: node conformance/adapters/toolchains/fakecloud-build.mjs`,
    );
  }

  mkdirSync(root, { recursive: true });
  return withDirectoryLock(
    join(root, 'build.lock'),
    () => {
      // Another process may have finished the build while this one waited for the lock.
      if (isCurrent(paths, key)) return { binary: paths.binary, key, built: false };
      log(
        `fakecloud-build: building fakecloud ${FAKECLOUD_VERSION} into ${shown(paths.installDir)} (first run, or the pin or the toolchain changed; a cold build takes tens of minutes)`,
      );
      const staging = `${paths.installDir}.tmp-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      const args = ['install', '--locked', '--version', FAKECLOUD_VERSION, '--root', staging, '--target-dir', join(root, 'target'), '-j', JOBS, 'fakecloud'];
      const started = Date.now();
      const result = spawnSync(cargo, args, {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, RUSTC: rustc, CARGO_TERM_COLOR: 'never' },
      });
      if (result.error || result.status !== 0) {
        rmSync(staging, { recursive: true, force: true });
        const why = result.error ? result.error.message : `exit ${result.status}`;
        const output = lastLines(`${result.stdout}\n${result.stderr}`);
        const hint = /failed to (download|get|fetch|query)|index\.crates\.io|Couldn't resolve host|network/i.test(output)
          ? ' The first build downloads fakecloud and its crates from crates.io into ~/.cargo; it needs that access once.'
          : '';
        throw new FakecloudBuildError(`\`cargo ${args.join(' ')}\` failed (${why}).${hint}\n${output}`);
      }
      // Whatever fails from here leaves no staging folder behind, and nothing that looks current.
      try {
        checkFetchedSources(process.env.CARGO_HOME ?? join(homedir(), '.cargo'));
        const built = installPaths(key, root).binary.replace(paths.installDir, staging);
        if (!existsSync(built) || statSync(built).size === 0) {
          throw new FakecloudBuildError(`\`cargo install\` reported success but wrote no binary at ${shown(built)}`);
        }
        const reported = spawnSync(built, ['--version'], { encoding: 'utf8', timeout: 30_000 });
        if (reported.stdout?.trim() !== `fakecloud ${FAKECLOUD_VERSION}`) {
          throw new FakecloudBuildError(
            `the built ${shown(built)} reports ${JSON.stringify(reported.stdout?.trim() ?? '')}, not fakecloud ${FAKECLOUD_VERSION}`,
          );
        }
        writeFileSync(join(staging, 'stamp.json'), `${JSON.stringify({ key, version: FAKECLOUD_VERSION, binarySha256: sha256File(built) }, null, 2)}\n`);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
      rmSync(paths.installDir, { recursive: true, force: true });
      renameSync(staging, paths.installDir);
      const seconds = (Date.now() - started) / 1000;
      log(`fakecloud-build: ${shown(paths.binary)} built in ${seconds.toFixed(1)} s`);
      return { binary: paths.binary, key, built: true, seconds };
    },
    { timeoutMs: LOCK_TIMEOUT_MS, fail: (message) => new FakecloudBuildError(message), shown, what: 'build' },
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const extra = process.argv.slice(2);
    if (extra.length > 1 || (extra.length === 1 && extra[0] !== '--print-key')) {
      process.stderr.write(`unknown argument ${extra.join(' ')} (usage: node conformance/adapters/toolchains/fakecloud-build.mjs [--print-key])\n`);
      process.exit(2);
    }
    if (extra[0] === '--print-key') {
      process.stdout.write(`${buildKey()}\n`);
    } else {
      const { binary, built } = ensureFakecloud();
      process.stdout.write(`${shown(binary)}: ${built ? 'built' : 'up to date'}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof FakecloudBuildError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
