import { describe, expect, it } from 'vitest';
import { smithySources } from '../codegen/smithy-build.ts';
// @ts-expect-error: plain ESM script without declarations
import { runSmithy } from './run.mjs';

describe('smithy validate', () => {
  it('accepts model/ with no ERROR or DANGER event', () => {
    const result = runSmithy(['validate', '--discover', '--severity', 'WARNING', ...smithySources()], { capture: true });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).not.toMatch(/──\s+(ERROR|DANGER)\s+─/);
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/SUCCESS: Validated \d+ shapes/);
  });

  it('rejects a model that breaks a Smithy rule (so the check above can fail)', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'broken-model-'));
    const source = readFileSync('model/revoke-token.smithy', 'utf8').replace('@length(min: 1, max: 128)', '@length(min: 200, max: 128)');
    writeFileSync(join(dir, 'revoke-token.smithy'), source);
    const result = runSmithy(['validate', '--discover', dir], { capture: true });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/ERROR/);
  });
});
