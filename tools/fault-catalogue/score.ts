import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../../conformance/self-test/fault-catalogue/catalogue.ts';
import { judgeCatalogue, scoreLine } from '../../conformance/self-test/fault-catalogue/score.ts';

// Prints the fault catalogue's score for BENCHMARKS.md and the README, one line per entry first:
//   npx tsx tools/fault-catalogue/score.ts [--pool N]
// Each entry runs through the default suite in its own sandbox, as `--adapter <module>` does.

const root = fileURLToPath(new URL('../..', import.meta.url));
const poolFlag = process.argv.indexOf('--pool');
const pool = poolFlag >= 0 ? Number(process.argv[poolFlag + 1]) : 2;
if (!Number.isInteger(pool) || pool < 1) {
  process.stderr.write('--pool: expected a whole number of sandboxes at a time, at least 1\n');
  process.exit(2);
}

const started = performance.now();
const verdicts = await judgeCatalogue(root, pool);
for (const [i, v] of verdicts.entries()) {
  const e = CATALOGUE[i]!;
  const what = v.error ? `error: ${v.error}` : v.caught ? `caught by ${v.failedRules.join(', ')}` : 'survives';
  process.stdout.write(`${v.caught ? 'caught  ' : 'survives'} ${e.id.padEnd(36)} ${e.dimension.padEnd(12)} ${what}\n`);
}
process.stdout.write(`fault catalogue: ${scoreLine(verdicts)} (${Math.round((performance.now() - started) / 1000)} s)\n`);
