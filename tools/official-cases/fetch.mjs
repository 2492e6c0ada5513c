#!/usr/bin/env node
// The official Smithy awsJson1_1 protocol compliance cases, as botocore ships them converted
// to JSON (with their Smithy ids) in its source distribution on PyPI. Maven Central refuses
// the smithy-aws-protocol-tests jar here, so botocore's sdist is the reachable copy; its
// version is the one tools/python/requirements-fidelity.txt already pins, so the cases and the
// service model the fidelity tests compare come from one botocore.
//
// The sdist is fetched with the project's own Python tooling (pip from the fidelity venv), in
// hash-checking mode against SDIST_SHA256 below, and checked again here before anything is
// read from it. Only the protocol JSON files are kept, under
// .cache/official-cases/botocore-<version>/ (git-ignored: the files are fetched material and
// are never committed). They are unpacked into a staging folder that is renamed into place
// with its stamp already inside, so an interrupted or concurrent fetch never leaves a
// half-written folder that looks current.
//
// Command line: `node tools/official-cases/fetch.mjs` prints the folder, fetching it first if
// it is missing or does not match its stamp. Exit code 1 when the fetch fails.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines, shown } from '../../conformance/adapters/toolchains/messages.mjs';
import { ensureVenv } from '../../conformance/adapters/toolchains/python-venv.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');

export const BOTOCORE_VERSION = '1.44.5';
// sha256 of botocore-1.44.5.tar.gz as PyPI serves it (pip verified it against PyPI's own
// digest when it first downloaded the file). Change it together with BOTOCORE_VERSION and the
// pin in tools/python/requirements-fidelity.txt.
export const SDIST_SHA256 = 'a988f39e3a4484def0b8010f41128f71157da0515a4804fccce4739aa8f216da';

/** The files kept from the sdist, relative to its top folder; the same relative paths in the cache. */
export const CASE_FILES = [
  'tests/unit/protocols/input/json.json',
  'tests/unit/protocols/output/json.json',
  'tests/unit/protocols/protocol-tests-ignore-list.json',
];

export const STAMP = '.stamp.json';
const FIDELITY_REQUIREMENTS = join(repoRoot, 'tools', 'python', 'requirements-fidelity.txt');

export class OfficialCasesError extends Error {
  constructor(message) {
    super(message);
    this.name = 'OfficialCasesError';
  }
}

export function casesDirFor(version = BOTOCORE_VERSION, cacheRoot = join(repoRoot, '.cache', 'official-cases')) {
  return join(cacheRoot, `botocore-${version}`);
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The botocore version requirements-fidelity.txt pins. The cases must come from the same
 * botocore, so a pin that moved without this script is an error, not a silent mismatch.
 */
export function pinnedBotocoreVersion(requirementsPath = FIDELITY_REQUIREMENTS) {
  const text = readFileSync(requirementsPath, 'utf8');
  const match = /^botocore==([^\s\\]+)/m.exec(text);
  if (!match) throw new OfficialCasesError(`${shown(requirementsPath)} pins no botocore==<version>`);
  return match[1];
}

/** Whether `dir` holds exactly the files its stamp lists, from the expected sdist. */
export function isReady(dir, expectedSha256 = SDIST_SHA256) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8'));
  } catch {
    return false;
  }
  if (stamp?.sdistSha256 !== expectedSha256) return false;
  return CASE_FILES.every((file) => {
    const path = join(dir, file);
    return existsSync(path) && stamp.files?.[file] === sha256(readFileSync(path));
  });
}

function downloadSdist(python, version, expectedSha256, into) {
  const requirements = join(into, 'requirements-sdist.txt');
  writeFileSync(requirements, `botocore==${version} --hash=sha256:${expectedSha256}\n`);
  // --no-binary botocore: the sdist, not the wheel (only the sdist has tests/). Hash-checking
  // mode makes pip refuse a different file before it runs any of its build steps.
  const args = [
    '-m',
    'pip',
    'download',
    '--no-deps',
    '--no-binary',
    'botocore',
    '--require-hashes',
    '--no-input',
    '--disable-pip-version-check',
    '-d',
    into,
    '-r',
    requirements,
  ];
  const result = spawnSync(python, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status}`;
    throw new OfficialCasesError(
      `pip could not download the botocore ${version} sdist (${why}). It needs access to PyPI (or a mirror configured for pip).\n` +
        lastLines(`${result.stdout}\n${result.stderr}`),
    );
  }
  const found = readdirSync(into).filter((name) => name.endsWith('.tar.gz'));
  if (found.length !== 1) throw new OfficialCasesError(`pip reported success but left ${found.length} .tar.gz files in ${into}: ${found.join(', ')}`);
  return join(into, found[0]);
}

// Python's tarfile reads the sdist (pax headers, long names); only the named members are
// written, each to a path chosen here, so nothing in the archive decides where files land.
const EXTRACT_SCRIPT = `
import sys, tarfile
archive, top, dest = sys.argv[1], sys.argv[2], sys.argv[3]
wanted = sys.argv[4:]
import os
with tarfile.open(archive, 'r:gz') as tar:
    for name in wanted:
        try:
            member = tar.getmember(top + '/' + name)
        except KeyError:
            sys.exit('missing from the sdist: ' + top + '/' + name)
        if not member.isfile():
            sys.exit('not a regular file in the sdist: ' + member.name)
        out = os.path.join(dest, *name.split('/'))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with tar.extractfile(member) as src, open(out, 'wb') as dst:
            dst.write(src.read())
`;

function extract(python, sdistPath, version, staging) {
  const result = spawnSync(python, ['-c', EXTRACT_SCRIPT, sdistPath, `botocore-${version}`, staging, ...CASE_FILES], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : lastLines(result.stderr || result.stdout);
    throw new OfficialCasesError(`could not unpack the protocol cases from ${sdistPath}: ${why}`);
  }
  for (const file of CASE_FILES) {
    try {
      JSON.parse(readFileSync(join(staging, file), 'utf8'));
    } catch (error) {
      throw new OfficialCasesError(`${file} from ${sdistPath} is not JSON: ${error.message}`);
    }
  }
}

/**
 * Makes sure the protocol cases of the pinned botocore sdist are unpacked and current,
 * fetching them when missing or when a file no longer matches the stamp. Idempotent and cheap
 * when nothing changed (a hash of three files). Throws OfficialCasesError naming the step that
 * failed.
 *
 * @param {{ cacheRoot?: string, version?: string, sdistSha256?: string, sdistPath?: string,
 *   python?: string, log?: (line: string) => void }} [options]
 *   sdistPath: use this local file instead of downloading (it is still hash-checked);
 *   python: the interpreter for pip and unpacking (default: the fidelity venv's).
 * @returns {{ dir: string, fetched: boolean }}
 */
export function ensureOfficialCases(options = {}) {
  const version = options.version ?? BOTOCORE_VERSION;
  const expectedSha256 = options.sdistSha256 ?? SDIST_SHA256;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  if (options.version === undefined) {
    const pinned = pinnedBotocoreVersion();
    if (pinned !== version) {
      throw new OfficialCasesError(
        `tools/python/requirements-fidelity.txt pins botocore ${pinned} but tools/official-cases/fetch.mjs pins the sdist of ${version}; ` +
          'move BOTOCORE_VERSION and SDIST_SHA256 together with the pin',
      );
    }
  }
  const dir = casesDirFor(version, options.cacheRoot);
  if (isReady(dir, expectedSha256)) return { dir, fetched: false };

  log(`tools/official-cases: fetching the awsJson1_1 cases from the botocore ${version} sdist into ${shown(dir)}`);
  const python = options.python ?? ensureVenv(FIDELITY_REQUIREMENTS, { log }).python;
  mkdirSync(dirname(dir), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'official-cases-'));
  try {
    const sdistPath = options.sdistPath ?? downloadSdist(python, version, expectedSha256, work);
    if (!existsSync(sdistPath)) throw new OfficialCasesError(`sdist not found: ${sdistPath}`);
    const actualSha256 = sha256(readFileSync(sdistPath));
    if (actualSha256 !== expectedSha256) {
      throw new OfficialCasesError(`${sdistPath} has sha256 ${actualSha256}, not the pinned ${expectedSha256}; refusing to read it`);
    }
    const staging = `${dir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    try {
      extract(python, sdistPath, version, staging);
      const files = Object.fromEntries(CASE_FILES.map((file) => [file, sha256(readFileSync(join(staging, file)))]));
      writeFileSync(join(staging, STAMP), `${JSON.stringify({ sdist: `botocore-${version}.tar.gz`, sdistSha256: expectedSha256, files }, null, 2)}\n`);
      rmSync(dir, { recursive: true, force: true });
      try {
        renameSync(staging, dir);
      } catch (error) {
        // Another process renamed its identical copy into place first.
        if (!isReady(dir, expectedSha256)) throw new OfficialCasesError(`could not move ${shown(staging)} to ${shown(dir)}: ${error.message}`);
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`tools/official-cases: ${shown(dir)} is ready`);
  return { dir, fetched: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.length > 2) {
      process.stderr.write(`fetch.mjs takes no arguments (got ${process.argv.slice(2).join(' ')})\n`);
      process.exit(2);
    }
    const { dir, fetched } = ensureOfficialCases();
    process.stdout.write(`${shown(dir)}: ${fetched ? 'fetched' : 'up to date'}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof OfficialCasesError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
