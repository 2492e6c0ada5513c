import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { adapterPath, cli } from './cli-harness.ts';

// Values long enough to be unmistakable in any output.
async function sensitiveValues(): Promise<string[]> {
  const fixtures = await loadFixtures();
  const values = fixtures.flatMap((f) => [f.params.Token, f.params.ClientId, f.params.ClientSecret]);
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= 6))];
}

describe('Token, ClientId and ClientSecret never reach a report', () => {
  it('redacts them in the human, JSON, JUnit and HTML reports of a failing run, captured exchanges included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-'));
    const json = join(dir, 'r.json');
    const junit = join(dir, 'r.xml');
    const { code, stdout, stderr } = await cli(
      '--adapter',
      adapterPath('camel-case-client-id.ts'),
      '--runs',
      '10',
      '--seed',
      '3',
      '--reporter',
      'human',
      '--reporter',
      `json=${json}`,
      '--reporter',
      `junit=${junit}`,
      '--reporter',
      `html=${join(dir, 'r.html')}`,
      '--verbose',
    );
    expect(code).toBe(1);
    const outputs = { stdout, stderr, json: readFileSync(json, 'utf8'), junit: readFileSync(junit, 'utf8'), html: readFileSync(join(dir, 'r.html'), 'utf8') };
    expect(outputs.stdout).toMatch(/\[redacted\]/);
    for (const value of await sensitiveValues()) {
      for (const [name, text] of Object.entries(outputs)) expect(text.includes(value), `${name} shows ${value}`).toBe(false);
    }
  });

  it('shows them only when asked with --no-redact', async () => {
    const { stdout } = await cli('--adapter', adapterPath('camel-case-client-id.ts'), '--filter', 'RevokeTokenRequestRequiredMembersOnly', '--no-redact');
    expect(stdout).toContain('fake-refresh-token.example-1');
  });
});

describe('what a client sends in a sensitive member is redacted, even when it changed it', () => {
  it('never shows an altered Token in the human or JSON report', async () => {
    const { alteredToken } = await import('./adapters/alters-the-token.ts');
    const dir = mkdtempSync(join(tmpdir(), 'altered-'));
    const json = join(dir, 'r.json');
    const { code, stdout } = await cli(
      '--adapter',
      adapterPath('alters-the-token.ts'),
      '--runs',
      '5',
      '--seed',
      '3',
      '--reporter',
      'human',
      '--reporter',
      `json=${json}`,
      '--verbose',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/C8 \[must\]/);
    const outputs = { stdout, json: readFileSync(json, 'utf8') };
    const fixtures = await loadFixtures();
    for (const token of new Set(fixtures.map((f) => f.params.Token).filter((t): t is string => typeof t === 'string' && t.length >= 6))) {
      for (const [name, text] of Object.entries(outputs)) expect(text.includes(alteredToken(token)), `${name} shows the altered ${token}`).toBe(false);
    }
  });
});
