// Entry points of the fidelity comparison: our model against botocore and the npm client.
// `npx tsx tools/fidelity/fidelity.ts` prints every difference and whether the allow-list
// explains it, and exits 1 if something is unexplained or an entry is stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVenv } from '../../conformance/adapters/toolchains/python-venv.mjs';
import type { SmithyAst } from '../codegen/smithy-build.ts';
import { repoRoot } from '../paths.ts';
import { entryMatches, formatEntry, judge, loadAllowList } from './allowlist.ts';
import { compareDescriptions, type Difference, formatDifference } from './compare.ts';
import type { OperationDescription } from './description.ts';
import { describeBotocore, FIDELITY_REQUIREMENTS, pinnedVersion, readBotocoreClosure } from './from-botocore.ts';
import { describeNpm, loadNpmPackage } from './from-npm.ts';
import { describeSmithy } from './from-smithy.ts';

export const SOURCES = ['botocore', 'npm'] as const;
export type Source = (typeof SOURCES)[number];

export interface SourceDescription {
  source: Source;
  /** e.g. `botocore 1.44.5` */
  label: string;
  description: OperationDescription;
}

export function describeOurs(modelJson: string = join(repoRoot, 'generated', 'model.json')): OperationDescription {
  return describeSmithy(JSON.parse(readFileSync(modelJson, 'utf8')) as SmithyAst);
}

/** Builds the fidelity venv if needed and checks it really holds the pinned botocore. */
export function describeBotocoreSource(): SourceDescription {
  const { python } = ensureVenv(FIDELITY_REQUIREMENTS);
  const closure = readBotocoreClosure(python);
  const pinned = pinnedVersion(FIDELITY_REQUIREMENTS, 'botocore');
  if (closure.botocoreVersion !== pinned) {
    throw new Error(`the fidelity venv has botocore ${closure.botocoreVersion}, but ${FIDELITY_REQUIREMENTS} pins ${pinned}`);
  }
  return { source: 'botocore', label: `botocore ${closure.botocoreVersion}`, description: describeBotocore(closure) };
}

export async function describeNpmSource(): Promise<SourceDescription> {
  const pkg = loadNpmPackage();
  return { source: 'npm', label: `npm client ${pkg.version}`, description: await describeNpm(pkg) };
}

export function differencesFrom(ours: OperationDescription, theirs: SourceDescription): Difference[] {
  return compareDescriptions(ours, theirs.description, theirs.source);
}

async function main(): Promise<void> {
  const ours = describeOurs();
  const sources = [describeBotocoreSource(), await describeNpmSource()];
  const { entries } = loadAllowList(SOURCES);
  const differences = sources.flatMap((source) => differencesFrom(ours, source));
  for (const source of sources) {
    process.stdout.write(`\n${source.label}\n`);
    for (const difference of differences.filter((d) => d.source === source.source)) {
      const entry = entries.find((candidate) => entryMatches(candidate, difference));
      process.stdout.write(`  ${entry ? 'allowed   ' : 'UNEXPECTED'} ${formatDifference(difference)}\n`);
    }
  }
  const verdict = judge(differences, entries, SOURCES);
  for (const entry of verdict.stale) process.stdout.write(`\nSTALE allow-list entry: ${formatEntry(entry)}\n`);
  if (verdict.unexpected.length > 0 || verdict.stale.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
