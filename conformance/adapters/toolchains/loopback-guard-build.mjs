#!/usr/bin/env node
// Compiles conformance/server/lanes/fakecloud/loopback-guard.c, the LD_PRELOAD guard that keeps a
// native emulator on loopback, into .cache/loopback-guard/<sha256 of the source and the
// compiler>.so. A build is skipped when that file exists; it is written under a temporary name
// and renamed into place, so a half-written library is never loaded. It needs a C compiler
// (`cc`, or $CC), which any machine that builds the fakecloud lane with cargo has: cargo links
// with it.
//
// Command line: `node conformance/adapters/toolchains/loopback-guard-build.mjs`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines, repoRoot, shown } from './messages.mjs';

export const GUARD_SOURCE = join(repoRoot, 'conformance', 'server', 'lanes', 'fakecloud', 'loopback-guard.c');
const GUARD_DIR = join(repoRoot, '.cache', 'loopback-guard');

export class GuardBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GuardBuildError';
  }
}

/**
 * The path of the compiled guard, built first when missing. Linux only: LD_PRELOAD and the
 * C library entry points it stands in front of are glibc's.
 * @param {{ cc?: string, log?: (line: string) => void }} [options]
 * @returns {{ library: string, built: boolean }}
 */
export function buildLoopbackGuard(options = {}) {
  if (process.platform !== 'linux') throw new GuardBuildError(`the loopback guard is an LD_PRELOAD library for Linux; this is ${process.platform}`);
  const cc = options.cc ?? process.env.CC ?? 'cc';
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const version = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new GuardBuildError(
      `the fakecloud lane compiles its loopback guard with a C compiler, and \`${cc}\` did not run (${version.error?.message ?? `exit ${version.status}`}): install one (cc, gcc or clang), or point CC at it`,
    );
  }
  const digest = createHash('sha256').update(readFileSync(GUARD_SOURCE)).update('\0').update(version.stdout).digest('hex');
  const library = join(GUARD_DIR, `${digest.slice(0, 16)}.so`);
  if (existsSync(library)) return { library, built: false };
  mkdirSync(GUARD_DIR, { recursive: true });
  const temporary = `${library}.tmp-${process.pid}`;
  const compiled = spawnSync(cc, ['-shared', '-fPIC', '-O2', '-Wall', '-Werror', '-o', temporary, GUARD_SOURCE, '-ldl'], { encoding: 'utf8' });
  if (compiled.error || compiled.status !== 0) {
    rmSync(temporary, { force: true });
    throw new GuardBuildError(
      `\`${cc}\` could not compile ${shown(GUARD_SOURCE)} (${compiled.error?.message ?? `exit ${compiled.status}`}):\n${lastLines(compiled.stderr)}`,
    );
  }
  renameSync(temporary, library);
  log(`loopback-guard: built ${shown(library)}`);
  return { library, built: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { library, built } = buildLoopbackGuard();
    process.stdout.write(`${shown(library)}: ${built ? 'built' : 'up to date'}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof GuardBuildError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
