import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.ts';

// The amplify-v6 lane through the whole CLI, in process: with its expectations file it passes
// every rule, should-level too; with an empty list the same divergences fail the run, so the
// file stays the true list (a fixed Amplify would show up as an unexpected pass).
describe('Amplify JS v6 is held to the rules, its divergences listed', () => {
  it('passes --strict with conformance/expectations/amplify-v6.json', async () => {
    const { code, stdout } = await cli('--adapter', 'amplify-v6', '--seed', '5', '--strict');
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/ 0 failed, 18 expected failures, 10 not applicable/);
  });

  it('fails on the empty 200 (C12, must) once the divergences are not listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amplify-v6-'));
    const empty = join(dir, 'none.json');
    writeFileSync(empty, JSON.stringify({ adapter: 'amplify-v6', expectations: [] }));
    const { code, stdout } = await cli('--adapter', 'amplify-v6', '--seed', '5', '--expectations', empty).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL fixture RevokeTokenSuccessEmptyBody \[must\]/);
    expect(stdout).toMatch(/actual: +rejected with SyntaxError/);
  });
});
