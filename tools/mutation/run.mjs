#!/usr/bin/env node
// `npm run mutation [-- client|server] [stryker flags]`: StrykerJS over one direction or both,
// then the per-direction summary. StrykerJS 10 needs Node 22 or later; on an older Node (the
// machine's is 20) it runs under Node 22 from the npm registry's `node` package, as .ci/run
// does for its Node 22 test run. Stryker is not among the project's devDependencies (a Node 20
// `npm install` would warn about its engines): it lives in tools/mutation/package.json and is
// installed there, from its own lock file, the first time this runs or when that lock changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suiteFingerprint } from './suite-fingerprint.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DIRECTIONS = ['client', 'server'];
const NODE_FOR_STRYKER = 'node@22';

const args = process.argv.slice(2);
const asked = args.filter((a) => DIRECTIONS.includes(a));
const strykerFlags = args.filter((a) => !DIRECTIONS.includes(a));
const unknown = strykerFlags.filter((a) => !a.startsWith('-'));
if (unknown.length > 0) {
  console.error(`mutation: unknown direction ${unknown.join(', ')} (expected ${DIRECTIONS.join(' or ')}, or Stryker flags such as --force)`);
  process.exit(2);
}

const major = Number(process.versions.node.split('.')[0]);
const toolsFolder = fileURLToPath(new URL('.', import.meta.url));
const stryker = `${toolsFolder}node_modules/@stryker-mutator/core/bin/stryker.js`;

// npm ci in tools/mutation when what is installed there is not what its lock file says. Its
// peer vitest is left out (--legacy-peer-deps): the runner finds the project's own, one folder up.
function installStryker() {
  const lock = readFileSync(`${toolsFolder}package-lock.json`, 'utf8');
  const stamp = `${toolsFolder}node_modules/.installed-lock.json`;
  if (existsSync(stryker) && existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
  console.log('mutation: installing StrykerJS into tools/mutation/node_modules (its own package.json and lock file)');
  const result = spawnSync('npm', ['ci', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolsFolder, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, lock);
}

// Leaves in Stryker's incremental file only the mutants no change to the suite can kill again
// or spare: the killed ones, and the survivors listed as fault switches or equivalent. Stryker
// re-tests all the others (those allowed by the contract, known gaps, and unlisted ones).
function forgetSurvivors(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const { equivalents } = JSON.parse(readFileSync(`${root}tools/mutation/equivalent.json`, 'utf8'));
  const unkillable = equivalents.filter((e) => e.kind === 'fault-switch' || e.kind === 'equivalent');
  for (const [fileName, file] of Object.entries(report.files)) {
    const lines = file.source.split('\n');
    const listedUnkillable = (m) =>
      unkillable.some(
        (e) =>
          e.file === fileName &&
          e.code === (lines[m.location.start.line - 1] ?? '').trim() &&
          e.column === m.location.start.column &&
          e.endColumn === m.location.end.column &&
          e.mutator === m.mutatorName &&
          e.replacement === m.replacement,
      );
    file.mutants = file.mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout' || listedUnkillable(m));
  }
  writeFileSync(path, JSON.stringify(report));
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

installStryker();
for (const direction of asked.length > 0 ? asked : DIRECTIONS) {
  const configPath = `tools/mutation/stryker.${direction}.config.mjs`;
  const { default: config } = await import(pathToFileURL(`${root}${configPath}`).href);
  const mutated = [...new Set(config.mutate.map((spec) => spec.replace(/:\d+-\d+$/, '')))];
  const fingerprintPath = `${root}tools/mutation/suite-fingerprint-${direction}.txt`;
  const fingerprint = suiteFingerprint(root, mutated);
  const recorded = existsSync(fingerprintPath) ? readFileSync(fingerprintPath, 'utf8').trim() : undefined;
  const flags = [...strykerFlags];
  const incrementalPath = `${root}${config.incrementalFile}`;
  if (recorded !== fingerprint && !flags.includes('--force') && existsSync(incrementalPath)) {
    console.log(
      `mutation ${direction}: the suite changed since ${fingerprintPath.slice(root.length)} was written, so every mutant it did not kill and that is not a listed fault switch or equivalent is re-tested`,
    );
    forgetSurvivors(incrementalPath);
  }
  const strykerArgs = [stryker, 'run', configPath, ...flags];
  const started = Date.now();
  const code = major >= 22 ? run(process.execPath, strykerArgs) : run('npx', ['-y', '-p', NODE_FOR_STRYKER, '--', 'node', ...strykerArgs]);
  console.log(`mutation ${direction}: Stryker finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (code !== 0) process.exit(code);
  writeFileSync(fingerprintPath, `${fingerprint}\n`);
  const summary = run(process.execPath, [fileURLToPath(new URL('./summary.mjs', import.meta.url)), direction]);
  if (summary !== 0) process.exit(summary);
}
