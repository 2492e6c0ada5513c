#!/usr/bin/env node
// `npm run mutation [-- client|server] [stryker flags]`: StrykerJS over one direction or both,
// then the per-direction summary. StrykerJS 10 needs Node 22 or later; on an older Node (the
// machine's is 20) it runs under Node 22 from the npm registry's `node` package, as .ci/run
// does for its Node 22 test run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
const stryker = fileURLToPath(new URL('../../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url));

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

for (const direction of asked.length > 0 ? asked : DIRECTIONS) {
  const strykerArgs = [stryker, 'run', `tools/mutation/stryker.${direction}.config.mjs`, ...strykerFlags];
  const started = Date.now();
  const code = major >= 22 ? run(process.execPath, strykerArgs) : run('npx', ['-y', '-p', NODE_FOR_STRYKER, '--', 'node', ...strykerArgs]);
  console.log(`mutation ${direction}: Stryker finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (code !== 0) process.exit(code);
  const summary = run(process.execPath, [fileURLToPath(new URL('./summary.mjs', import.meta.url)), direction]);
  if (summary !== 0) process.exit(summary);
}
