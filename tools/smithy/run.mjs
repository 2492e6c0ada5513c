#!/usr/bin/env node
// Runs the pinned Smithy CLI (with the TypeScript code generators on its class path).
// The jars come from Maven Central through Maven the first time, and again whenever
// pom.xml changes; a stamp file records which pom the jars in lib/ belong to.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, 'lib');
const stamp = join(lib, '.pom-sha256');

function fail(message, code = 2) {
  process.stderr.write(`tools/smithy: ${message}\n`);
  process.exit(code);
}

export function ensureJars() {
  const pomHash = createHash('sha256')
    .update(readFileSync(join(here, 'pom.xml')))
    .digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === pomHash) return;
  const mvn = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(here, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
      '-DincludeScope=runtime',
      '-Dmdep.overWriteReleases=true',
    ],
    { stdio: 'inherit' },
  );
  if (mvn.error) fail(`could not start Maven (mvn): ${mvn.error.message}. Install Maven 3 and Java 17.`);
  if (mvn.status !== 0) fail(`Maven could not resolve the Smithy toolchain in ${join(here, 'pom.xml')} (exit ${mvn.status}).`);
  writeFileSync(stamp, pomHash);
}

export function runSmithy(args, options = {}) {
  ensureJars();
  const jars = readdirSync(lib).filter((name) => name.endsWith('.jar'));
  if (jars.length === 0) fail(`no jars in ${lib}`);
  const result = spawnSync('java', ['-cp', join(lib, '*'), 'software.amazon.smithy.cli.SmithyCli', ...args], {
    encoding: 'utf8',
    stdio: options.capture ? 'pipe' : 'inherit',
    cwd: options.cwd,
  });
  if (result.error) fail(`could not start java: ${result.error.message}. Install Java 17.`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = runSmithy(process.argv.slice(2));
  process.exit(result.status ?? 1);
}
