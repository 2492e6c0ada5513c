// Stryker's incremental mode re-tests a mutant when its code or its killing test changed, but
// it does not know that the killing spec runs the whole suite: a new fixture, check or
// property changes what kills a mutant without touching either. So the suite is fingerprinted
// (every file under conformance/, fixtures/, generated/ and tools/mutation/, except the files
// the direction mutates, whose changes Stryker tracks itself), and a run whose fingerprint
// differs from the committed one re-tests every mutant the last run did not kill, except those
// tools/mutation/equivalent.json lists as fault switches or equivalent (a suite that grew can
// kill more; one that lost a case or a check needs `npm run mutation -- --force`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SUITE_ROOTS = ['conformance', 'fixtures', 'generated', 'model', 'tools/mutation/specs', 'tools/mutation/adapters'];

function filesUnder(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.isFile() ? [path] : [];
  });
}

/** @param {string} root the repository root; @param {string[]} mutated repository-relative paths */
export function suiteFingerprint(root, mutated) {
  const hash = createHash('sha256');
  const files = SUITE_ROOTS.flatMap((dir) => filesUnder(root, dir))
    .map((path) => relative(root, join(root, path)).split('\\').join('/'))
    .filter((path) => !mutated.includes(path))
    .sort();
  for (const path of files)
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(root, path)))
      .update('\0');
  return hash.digest('hex');
}
