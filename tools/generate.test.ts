import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrees } from './codegen/file-tree.ts';
import { generate } from './generate.ts';
import { repoRoot } from './paths.ts';

describe('npm run generate', () => {
  it('produces exactly the committed generated/ folder', () => {
    const differences = compareTrees(generate(), join(repoRoot, 'generated'));
    expect(differences, 'run `npm run generate` and commit the result').toEqual([]);
  });
});
