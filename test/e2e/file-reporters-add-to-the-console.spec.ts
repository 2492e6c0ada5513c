import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adapterPath, cli, cliWithEnv } from './cli-harness.ts';

const FAST = ['--runs', '5', '--seed', '1'];
const dir = mkdtempSync(join(tmpdir(), 'reports-for-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The operation name lowercased in X-Amz-Target: one fault that fails every case with C4.
const systematic = () => cli('--adapter', adapterPath('lowercased-operation.ts'), ...FAST);

describe('file reporters add to the console report', () => {
  it('--strict --reporter junit=<file> (the README example) prints the console report and writes the file', async () => {
    const junit = join(dir, 'out', 'minimal.xml');
    const { code, stdout } = await cli('--adapter', adapterPath('camel-case-client-id.ts'), ...FAST, '--strict', '--reporter', `junit=${junit}`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Failures by rule/);
    expect(stdout).toMatch(/\d+ passed, \d+ failed/);
    // The console ends by saying where the file went.
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`wrote junit report: ${junit}`);
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message="C8: expected /);
  });

  it('--quiet leaves the verdict line and one line per file written; the files are written', async () => {
    const ctrf = join(dir, 'quiet.json');
    const html = join(dir, 'quiet.html');
    const { code, stdout } = await cli(
      '--adapter',
      adapterPath('camel-case-client-id.ts'),
      ...FAST,
      '--quiet',
      '--reporter',
      `ctrf=${ctrf}`,
      '--reporter',
      `html=${html}`,
    );
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d+ passed, [1-9]\d* failed.* \(\d+ cases, seed 1, [\d.]+ s\)$/);
    expect(lines.slice(1)).toEqual([`wrote ctrf report: ${ctrf}`, `wrote html report: ${html}`]);
    expect(readFileSync(html, 'utf8')).toContain('<!doctype html>');
    expect(JSON.parse(readFileSync(ctrf, 'utf8'))).toMatchObject({ reportFormat: 'CTRF', results: { summary: { failed: expect.any(Number) } } });
  });

  it('in GitHub Actions, annotations and a job summary come without asking, next to the console report', async () => {
    const summary = join(dir, 'step-summary.md');
    const { stdout } = await cliWithEnv({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }, '--adapter', adapterPath('lowercased-operation.ts'), ...FAST);
    expect(stdout).toMatch(/\d+ passed, \d+ failed/);
    const errors = stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(10);
    // The annotation stands on the rule's simplest failing case (report/causes.ts): a fixture file or the property's module.
    expect(errors[0]).toMatch(
      /^::error file=(fixtures\/[\w/]+\.json|conformance\/properties\/[\w-]+\.ts),title=RevokeToken conformance%3A C4 \[must\] failed in \d+ cases::(fixture|property) [\w-]+: C4: expected /,
    );
    expect(readFileSync(summary, 'utf8')).toContain('| C4 | must |');
  });

  it('outside GitHub Actions, no workflow commands unless --reporter github', async () => {
    const { stdout } = await systematic();
    expect(stdout).not.toContain('::error');
    const asked = await cli('--adapter', adapterPath('lowercased-operation.ts'), ...FAST, '--reporter', 'github');
    expect(asked.stdout).toContain('::error file=');
  });
});
