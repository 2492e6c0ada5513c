// Shows that the fidelity comparison catches a real mistake: a copy of model/ with one pattern
// changed is built with the real Smithy CLI, and the comparison against botocore must report
// that pattern, and only that.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractClosure } from '../codegen/closure.ts';
import { buildWithSmithy } from '../codegen/smithy-build.ts';
import { repoRoot } from '../paths.ts';
import { formatEntry, judge, loadAllowList } from './allowlist.ts';
import { compareDescriptions, formatDifference } from './compare.ts';
import type { OperationDescription } from './description.ts';
import { describeBotocoreSource, describeOurs, differencesFrom, SOURCES, type SourceDescription } from './fidelity.ts';
import { describeSmithy } from './from-smithy.ts';

/** Replaces the @pattern of `string <shape>` in Smithy IDL; throws if that trait is not found. */
function replacePattern(idl: string, shape: string, pattern: string): string {
  const declaration = new RegExp(`(@pattern\\(")[^"]*("\\)(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s*string ${shape}\\b)`);
  if (!declaration.test(idl)) throw new Error(`no @pattern directly on string ${shape}`);
  return idl.replace(declaration, (_match, before: string, after: string) => `${before}${pattern}${after}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'fidelity-proof-'));
let altered: OperationDescription;
let botocore: SourceDescription;

beforeAll(() => {
  const modelDir = join(scratch, 'model');
  cpSync(join(repoRoot, 'model'), modelDir, { recursive: true });
  const file = join(modelDir, 'revoke-token.smithy');
  // IDL string escaping: this is the pattern ^[\w+.-]+$ once parsed.
  writeFileSync(file, replacePattern(readFileSync(file, 'utf8'), 'ClientIdType', '^[\\\\w+.-]+$'));
  const buildDir = join(scratch, 'build');
  mkdirSync(buildDir);
  const { ast } = buildWithSmithy(buildDir, modelDir);
  altered = describeSmithy(contractClosure(ast));
  botocore = describeBotocoreSource();
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the fidelity comparison on a model with one wrong pattern', () => {
  it('edits exactly the one pattern (the copy differs from model/ in ClientIdType pattern only)', () => {
    const differences = compareDescriptions(altered, describeOurs(), 'model/');
    expect(differences.map(formatDifference)).toEqual(['ClientIdType pattern: ours "^[\\w+.-]+$", model/ "^[\\w+]+$"']);
  });

  it('reports exactly that pattern against botocore', () => {
    const { entries } = loadAllowList(SOURCES);
    const verdict = judge(differencesFrom(altered, botocore), entries, ['botocore']);
    expect(verdict.unexpected.map(formatDifference)).toEqual(['ClientIdType pattern: ours "^[\\w+.-]+$", botocore "[\\w+]+"']);
    // The anchoring equivalence still explains the two patterns that were left alone, so it
    // is not stale; nothing else changed either.
    expect(verdict.stale.map(formatEntry)).toEqual([]);
  });

  it('refuses to edit a shape that has no pattern, rather than proving nothing', () => {
    expect(() => replacePattern(readFileSync(join(repoRoot, 'model', 'revoke-token.smithy'), 'utf8'), 'MessageType', 'x')).toThrow(/no @pattern/);
  });
});
