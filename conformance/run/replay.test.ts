import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../package-root.ts';
import { replayBase, replayLine, suiteCommand } from './replay.ts';

describe('replay lines', () => {
  it('start with the command and the flags that change a verdict, skipping the unset ones', () => {
    expect(replayBase(['--adapter aws-sdk-v2', undefined, false, '', '--strict'])).toBe('npm run conformance -- --adapter aws-sdk-v2 --strict');
  });

  it('name a fixture or probe by id, and a generated case by id, seed and shrunk path', () => {
    const base = replayBase(['--server']);
    expect(replayLine(base, 'claim-refuses-plain-json')).toBe('npm run conformance -- --server --filter claim-refuses-plain-json');
    expect(replayLine(base, 'semantics-model-run', { seed: 3, path: '1:0', commandsPath: 'AAB' })).toBe(
      'npm run conformance -- --server --filter semantics-model-run --seed 3 --replay 1:0 --replay-commands AAB',
    );
    expect(replayLine(base, 'request-wire', { seed: 3 })).toBe('npm run conformance -- --server --filter request-wire --seed 3');
  });

  it("use the npm script inside this repository and the package's bin in a user's project", () => {
    expect(suiteCommand(packageRoot)).toBe('npm run conformance --');
    expect(suiteCommand(join(packageRoot, 'examples'))).toBe('npm run conformance --');
    expect(suiteCommand(tmpdir())).toBe('npx revoketoken-conformance');
    expect(suiteCommand(`${packageRoot}-sibling`)).toBe('npx revoketoken-conformance');
  });
});
