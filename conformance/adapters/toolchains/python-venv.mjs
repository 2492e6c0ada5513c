#!/usr/bin/env node
// Project-local Python environments for the tests that need a Python package (botocore for
// the fidelity comparison, later boto3 for a conformance shim). Each requirements file gets
// its own virtual environment under .venv/ at the repository root, named after the file
// (requirements-fidelity.txt -> .venv/fidelity), so two files that pin different versions
// of one package can never overwrite each other.
//
// A venv counts as ready only when its stamp file holds the sha256 of the requirements file
// it was built from and its interpreter still starts. The stamp is written last, so a build
// that was interrupted half-way is simply built again. When the requirements change the venv
// is rebuilt from scratch rather than upgraded in place: packages that a new pin no longer
// needs must not linger.
//
// Command line: `node conformance/adapters/toolchains/python-venv.mjs [requirements-file ...]`; without arguments it
// prepares the venv of every tools/python/requirements-*.txt.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
const STAMP = '.requirements-sha256';
// pip may download and unpack a 16 MB botocore wheel on a slow machine; waiting for another
// process that is doing so must outlast that.
const LOCK_TIMEOUT_MS = 15 * 60 * 1000;
const LOCK_POLL_MS = 250;

export class VenvError extends Error {
  constructor(message) {
    super(message);
    this.name = 'VenvError';
  }
}

/** `requirements-fidelity.txt` -> `fidelity`; any other `name.txt` -> `name`. */
export function venvNameFor(requirementsFile) {
  return basename(requirementsFile)
    .replace(/\.txt$/, '')
    .replace(/^requirements-/, '');
}

function pythonIn(venvDir) {
  return process.platform === 'win32' ? join(venvDir, 'Scripts', 'python.exe') : join(venvDir, 'bin', 'python');
}

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

function shown(path) {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function lastLines(text, count = 25) {
  return String(text ?? '')
    .trimEnd()
    .split('\n')
    .slice(-count)
    .join('\n');
}

function isReady(venvDir, wantedHash) {
  const stamp = join(venvDir, STAMP);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== wantedHash) return false;
  // A venv links to the interpreter that created it; if that one was removed or upgraded
  // (pyenv, a distribution update), the venv is dead even though its stamp still matches.
  const probe = spawnSync(pythonIn(venvDir), ['-c', 'import sys'], { stdio: 'ignore' });
  return probe.status === 0;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function lockAgeMs(lockDir) {
  try {
    return Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Vitest runs test files in parallel workers, and more than one may need the same venv.
 * mkdir is atomic, so the worker that creates the lock folder builds; the others wait.
 * A lock left behind by a process that died (on this host) is taken over.
 */
function withLock(lockDir, action) {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw new VenvError(`could not create the lock ${shown(lockDir)}: ${error.message}`);
    }
    let owner;
    try {
      owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8'));
    } catch {
      owner = undefined; // the owner is between mkdir and writing the file, or died there
    }
    const ownerDied = owner ? owner.host === hostname() && !processAlive(owner.pid) : lockAgeMs(lockDir) > 60_000;
    if (ownerDied) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > LOCK_TIMEOUT_MS) {
      throw new VenvError(
        `gave up after ${LOCK_TIMEOUT_MS / 60000} minutes waiting for ${shown(lockDir)} ` +
          `(held by ${owner ? `pid ${owner.pid} on ${owner.host}` : 'an unknown process'}); remove it if no install is running`,
      );
    }
    sleep(LOCK_POLL_MS);
  }
  try {
    writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname() }));
    return action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function build(venvDir, requirementsPath, hash, python, log) {
  log(`tools/python: building ${shown(venvDir)} from ${shown(requirementsPath)} (first run, or the requirements changed)`);
  rmSync(venvDir, { recursive: true, force: true });
  mkdirSync(dirname(venvDir), { recursive: true });

  const created = spawnSync(python, ['-m', 'venv', venvDir], { encoding: 'utf8' });
  if (created.error) {
    throw new VenvError(`could not start ${python} to create ${shown(venvDir)}: ${created.error.message}. Install Python 3.10 or later (or set PYTHON).`);
  }
  if (created.status !== 0) {
    throw new VenvError(
      `\`${python} -m venv ${shown(venvDir)}\` failed (exit ${created.status}). ` +
        `On Debian or Ubuntu the venv module is in the python3-venv package.\n${lastLines(created.stderr || created.stdout)}`,
    );
  }

  const venvPython = pythonIn(venvDir);
  const pipArgs = ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '--only-binary=:all:', '-r', requirementsPath];
  const installed = spawnSync(venvPython, pipArgs, { encoding: 'utf8' });
  if (installed.error || installed.status !== 0) {
    const why = installed.error ? installed.error.message : `exit ${installed.status}`;
    throw new VenvError(
      `pip could not install ${shown(requirementsPath)} into ${shown(venvDir)} (${why}). ` +
        `It needs access to PyPI (or a mirror configured for pip).\n${lastLines(`${installed.stdout}\n${installed.stderr}`)}`,
    );
  }
  writeFileSync(join(venvDir, STAMP), `${hash}\n`);
  log(`tools/python: ${shown(venvDir)} is ready`);
}

/**
 * Makes sure the venv for `requirementsFile` exists and holds exactly what the file pins,
 * building it when missing or out of date. Idempotent and cheap when nothing changed
 * (one hash and one interpreter start). Throws VenvError naming the step that failed.
 *
 * @param {string} requirementsFile path, absolute or relative to the repository root
 * @param {{ venvDir?: string, python?: string, log?: (line: string) => void }} [options]
 *   venvDir: where the venv lives (default .venv/<name> at the repository root);
 *   python: the interpreter that creates it (default $PYTHON, else python3);
 *   log: progress lines (default stderr).
 * @returns {{ python: string, venvDir: string, built: boolean }}
 */
export function ensureVenv(requirementsFile, options = {}) {
  if (!requirementsFile) throw new VenvError('ensureVenv needs the requirements file to install');
  const requirementsPath = isAbsolute(requirementsFile) ? requirementsFile : join(repoRoot, requirementsFile);
  if (!existsSync(requirementsPath)) throw new VenvError(`requirements file not found: ${requirementsPath}`);
  const venvDir = options.venvDir ?? join(repoRoot, '.venv', venvNameFor(requirementsPath));
  const python = options.python ?? process.env.PYTHON ?? 'python3';
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const hash = sha256(readFileSync(requirementsPath));

  if (isReady(venvDir, hash)) return { python: pythonIn(venvDir), venvDir, built: false };
  mkdirSync(dirname(venvDir), { recursive: true });
  return withLock(`${venvDir}.lock`, () => {
    // Another process may have finished the build while this one waited for the lock.
    if (isReady(venvDir, hash)) return { python: pythonIn(venvDir), venvDir, built: false };
    build(venvDir, requirementsPath, hash, python, log);
    return { python: pythonIn(venvDir), venvDir, built: true };
  });
}

function main(args) {
  const files =
    args.length > 0
      ? args.map((file) => resolve(process.cwd(), file))
      : readdirSync(here)
          .filter((name) => /^requirements-.+\.txt$/.test(name))
          .map((name) => join(here, name));
  for (const file of files) {
    const { python, built } = ensureVenv(file);
    process.stdout.write(`${shown(file)}: ${built ? 'built' : 'up to date'}, ${shown(python)}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof VenvError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
