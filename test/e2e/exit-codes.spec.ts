import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterPath, cli } from './cli-harness.ts';

const FAST = ['--runs', '5', '--seed', '1'];

describe('exit codes say what happened', () => {
  it('0 when every must-level check passes', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('correct.ts'), ...FAST);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 failed/);
  });

  it('1 when a check fails, with the rule, expected vs actual and a replay line', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('camel-case-client-id.ts'), ...FAST);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL fixture \w+ \[must\]/);
    expect(stdout).toMatch(/C8 \[must\]/);
    expect(stdout).toMatch(/expected: member ClientId/);
    // The failure is kept in the failures file; its line names it by id (test/e2e/replays-a-failure.spec.ts).
    expect(stdout).toMatch(/replay: npm run conformance -- --adapter \S+ --replay [0-9a-f]{8}$/m);
  });

  it('2 for a bad flag value, naming the flag', async () => {
    const { code, stderr } = await cli('--runs', 'many');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--runs must be a whole number/);
  });

  it('2 for an unknown flag', async () => {
    const { code, stderr } = await cli('--frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/frobnicate/);
  });

  it('2 for an adapter that is neither built in nor a file', async () => {
    const { code, stderr } = await cli('--adapter', 'aws-sdk-v9');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--adapter aws-sdk-v9: not a built-in adapter/);
  });

  it('2 for an adapter module that breaks the contract, naming the field', async () => {
    const { code, stderr } = await cli('--adapter', adapterPath('bad-capabilities.mjs'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown capability "teleport"/);
  });

  it('2 when --filter matches nothing (a typo is not a pass)', async () => {
    const { code, stderr } = await cli('--filter', 'NoSuchCase');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--filter NoSuchCase: no fixture, property or sequence/);
  });

  it('2 when nothing selected can run on this adapter', async () => {
    const { code, stderr } = await cli('--adapter', 'aws-sdk-v2', '--filter', 'RevokeTokenRequestAssociatedSessionsLinked');
    expect(code).toBe(2);
    expect(stderr).toMatch(/nothing ran/);
  });

  it('2 for an expectations file without reasons, naming the entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expectations-'));
    const file = join(dir, 'x.json');
    writeFileSync(file, JSON.stringify({ adapter: 'x', expectations: [{ case: 'RevokeTokenSuccessEmptyObject', source: 's' }] }));
    const { code, stderr } = await cli('--expectations', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\/expectations\/0\/reason: every known failure needs a reason/);
  });

  it('1 when an expected failure no longer happens (a stale expectation)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expectations-'));
    const file = join(dir, 'x.json');
    writeFileSync(file, JSON.stringify({ adapter: 'x', expectations: [{ case: 'RevokeTokenSuccessEmptyObject', reason: 'r', source: 's' }] }));
    const { code, stdout } = await cli('--expectations', file, '--filter', 'RevokeTokenSuccessEmptyObject');
    expect(code).toBe(1);
    expect(stdout).toMatch(/UNEXPECTED PASS fixture RevokeTokenSuccessEmptyObject/);
  });

  it('0 when a failing case is listed as expected, with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expectations-'));
    const file = join(dir, 'x.json');
    writeFileSync(file, JSON.stringify({ adapter: 'x', expectations: [{ case: 'RevokeTokenRequestRequiredMembersOnly', reason: 'known', source: 'here' }] }));
    const { code, stdout } = await cli(
      '--adapter',
      adapterPath('camel-case-client-id.ts'),
      '--expectations',
      file,
      '--filter',
      'RevokeTokenRequestRequiredMembersOnly',
      '--verbose',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/expected failure fixture RevokeTokenRequestRequiredMembersOnly/);
  });
});
