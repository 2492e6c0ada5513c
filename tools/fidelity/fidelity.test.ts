// Our model against the two published descriptions of RevokeToken. The first run builds the
// Python venv with the pinned botocore (conformance/adapters/toolchains/python-venv.mjs), so `npm test` on a fresh
// clone needs nothing installed by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.ts';
import { formatEntry, judge, loadAllowList } from './allowlist.ts';
import { formatDifference } from './compare.ts';
import type { OperationDescription } from './description.ts';
import { describeBotocoreSource, describeNpmSource, describeOurs, differencesFrom, SOURCES, type SourceDescription } from './fidelity.ts';
import { NPM_PACKAGE } from './from-npm.ts';

const allowList = loadAllowList(SOURCES);
let ours: OperationDescription;
let botocore: SourceDescription;
let npm: SourceDescription;

beforeAll(async () => {
  ours = describeOurs();
  botocore = describeBotocoreSource();
  npm = await describeNpmSource();
});

function expectOnlyAllowedDifferences(source: SourceDescription): void {
  const { unexpected } = judge(differencesFrom(ours, source), allowList.entries, [source.source]);
  const lines = unexpected.map(formatDifference);
  expect(lines, `differences from ${source.label} that tools/fidelity/allowlist.json does not explain:\n  ${lines.join('\n  ')}\n`).toEqual([]);
}

describe('model/ against the published RevokeToken contract', () => {
  it('reads the sources it claims to read', () => {
    // Guards the readers themselves: an empty description would still "differ", but these
    // facts are known from both packages and must come through.
    for (const source of [botocore, npm]) {
      expect(Object.keys(source.description.errors), source.label).toHaveLength(8);
      expect(source.description.input.members.RevokeAssociatedSessions?.enumValues, source.label).toEqual(['LINKED', 'NONE']);
      expect(source.description.signed, source.label).toBe(false);
    }
    // package.json gives users a range; the lock file pins the version these facts were read from.
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    expect(npm.label, 'node_modules holds the client version package-lock.json pins').toBe(
      `npm client ${lock.packages[`node_modules/${NPM_PACKAGE}`]!.version}`,
    );
  });

  it('differs from botocore only where the allow-list says why', () => {
    expectOnlyAllowedDifferences(botocore);
  });

  it('differs from the npm client only where the allow-list says why', () => {
    expectOnlyAllowedDifferences(npm);
  });

  it('has no allow-list entry that no longer matches a difference', () => {
    const differences = [botocore, npm].flatMap((source) => differencesFrom(ours, source));
    const { stale } = judge(differences, allowList.entries, SOURCES);
    const lines = stale.map(formatEntry);
    expect(lines, `stale entries in tools/fidelity/allowlist.json (remove them):\n  ${lines.join('\n  ')}\n`).toEqual([]);
  });
});
