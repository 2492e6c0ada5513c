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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDirectoryLock } from './directory-lock.mjs';
import { lastLines, shown } from './messages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
const STAMP = '.requirements-sha256';
/** Where the requirement files of the project's own tools are (the shims keep theirs beside them). */
const REQUIREMENTS_DIR = join(repoRoot, 'tools', 'python');
// pip may download and unpack a 16 MB botocore wheel on a slow machine; waiting for another
// process that is doing so must outlast that.
const LOCK_TIMEOUT_MS = 15 * 60 * 1000;

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

function isReady(venvDir, wantedHash) {
  const stamp = join(venvDir, STAMP);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== wantedHash) return false;
  // A venv links to the interpreter that created it; if that one was removed or upgraded
  // (pyenv, a distribution update), the venv is dead even though its stamp still matches.
  const probe = spawnSync(pythonIn(venvDir), ['-c', 'import sys'], { stdio: 'ignore' });
  return probe.status === 0;
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
  return withDirectoryLock(
    `${venvDir}.lock`,
    () => {
      // Another process may have finished the build while this one waited for the lock.
      if (isReady(venvDir, hash)) return { python: pythonIn(venvDir), venvDir, built: false };
      build(venvDir, requirementsPath, hash, python, log);
      return { python: pythonIn(venvDir), venvDir, built: true };
    },
    { timeoutMs: LOCK_TIMEOUT_MS, fail: (message) => new VenvError(message), shown, what: 'install' },
  );
}

function main(args) {
  const files =
    args.length > 0
      ? args.map((file) => resolve(process.cwd(), file))
      : readdirSync(REQUIREMENTS_DIR)
          .filter((name) => /^requirements-.+\.txt$/.test(name))
          .map((name) => join(REQUIREMENTS_DIR, name));
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
