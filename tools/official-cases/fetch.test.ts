// ensureOfficialCases on a small sdist built here (three JSON files in a tar.gz), in a
// temporary cache, so these tests never download anything nor touch .cache/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOTOCORE_VERSION, CASE_FILES, casesDirFor, ensureOfficialCases, OfficialCasesError, pinnedBotocoreVersion } from './fetch.mjs';

const python = process.env.PYTHON ?? 'python3';
const scratch = mkdtempSync(join(tmpdir(), 'official-cases-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tar.gz laid out like botocore's sdist, holding `files` (path -> text) under botocore-<version>/. */
function makeSdist(name: string, version: string, files: Record<string, string>): { path: string; sha256: string } {
  const tree = join(scratch, `${name}-tree`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(tree, `botocore-${version}`, file, '..'), { recursive: true });
    writeFileSync(join(tree, `botocore-${version}`, file), text);
  }
  const path = join(scratch, `${name}.tar.gz`);
  const made = spawnSync(
    python,
    [
      '-c',
      'import sys, tarfile\nwith tarfile.open(sys.argv[1], "w:gz") as t: t.add(sys.argv[2], arcname=sys.argv[3])',
      path,
      join(tree, `botocore-${version}`),
      `botocore-${version}`,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`could not build the test sdist: ${made.stderr}`);
  return { path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
}

const everyFile = Object.fromEntries(CASE_FILES.map((file) => [file, `{"file": ${JSON.stringify(file)}}`]));
const quiet = () => {};

describe('ensureOfficialCases', () => {
  it('unpacks the case files once, then reuses them until one no longer matches the stamp', () => {
    const sdist = makeSdist('good', '0.0.1', everyFile);
    const options = { cacheRoot: join(scratch, 'cache'), version: '0.0.1', sdistSha256: sdist.sha256, sdistPath: sdist.path, python, log: quiet };
    const first = ensureOfficialCases(options);
    expect(first).toEqual({ dir: casesDirFor('0.0.1', options.cacheRoot), fetched: true });
    expect(JSON.parse(readFileSync(join(first.dir, CASE_FILES[0]!), 'utf8'))).toEqual({ file: CASE_FILES[0] });
    expect(ensureOfficialCases(options).fetched).toBe(false);
    writeFileSync(join(first.dir, CASE_FILES[1]!), '[]');
    expect(ensureOfficialCases(options).fetched).toBe(true);
    expect(ensureOfficialCases(options).fetched).toBe(false);
  });

  it('refuses an sdist whose sha256 is not the pinned one, naming both hashes', () => {
    const sdist = makeSdist('tampered', '0.0.2', everyFile);
    const pinned = '0'.repeat(64);
    const run = () =>
      ensureOfficialCases({ cacheRoot: join(scratch, 'cache'), version: '0.0.2', sdistSha256: pinned, sdistPath: sdist.path, python, log: quiet });
    expect(run).toThrow(OfficialCasesError);
    expect(run).toThrow(`has sha256 ${sdist.sha256}, not the pinned ${pinned}`);
  });

  it('names a case file the sdist lacks, and leaves nothing that looks current', () => {
    const partial = { ...everyFile };
    delete partial[CASE_FILES[2]!];
    const sdist = makeSdist('partial', '0.0.3', partial);
    const options = { cacheRoot: join(scratch, 'cache'), version: '0.0.3', sdistSha256: sdist.sha256, sdistPath: sdist.path, python, log: quiet };
    expect(() => ensureOfficialCases(options)).toThrow(`missing from the sdist: botocore-0.0.3/${CASE_FILES[2]}`);
    expect(() => readFileSync(join(casesDirFor('0.0.3', options.cacheRoot), '.stamp.json'))).toThrow();
  });

  it('pins the same botocore as tools/python/requirements-fidelity.txt', () => {
    expect(pinnedBotocoreVersion()).toBe(BOTOCORE_VERSION);
    const other = join(scratch, 'requirements-other.txt');
    writeFileSync(other, 'jmespath==1.1.0\n');
    expect(() => pinnedBotocoreVersion(other)).toThrow('pins no botocore==<version>');
  });
});
