import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from './cli-harness.ts';

// conformance.config.json as a project writes it: with "$schema" for the editor, choosing the
// server direction by its "server" key, and never able to switch redaction off.

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function projectWith(config: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), 'config-file-'));
  folders.push(folder);
  writeFileSync(join(folder, 'conformance.config.json'), JSON.stringify(config));
  return folder;
}

describe('conformance.config.json', () => {
  it('takes "$schema" and "server": the file alone chooses the server suite, and its filters apply', async () => {
    const cwd = projectWith({
      $schema: './node_modules/revoketoken-conformance/conformance/cli/conformance.config.schema.json',
      server: true,
      filters: ['S7'],
      maxRequests: 100,
    });
    const { code, stdout, stderr } = await cliIn(cwd, '--list');
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(scripted|generated) +\S+ \[\w+\] .*\bS7\b/);
    // The command line's --adapter chooses the client back; the file's server settings then do not apply.
    const client = await cliIn(cwd, '--adapter', 'aws-sdk-v3', '--filter', 'C14', '--list');
    expect(client.code, client.stderr).toBe(0);
    expect(client.stdout).toMatch(/^fixture +RevokeToken\w+ \[\w+\] .*\bC14\b/m);
  });

  it('refuses noRedact with exit code 2, saying why, and refuses an unknown key naming it', async () => {
    const redact = await cliIn(projectWith({ adapter: 'aws-sdk-v3', noRedact: true }), '--list');
    expect(redact.code).toBe(2);
    expect(redact.stderr).toMatch(/conformance\.config\.json: "noRedact" cannot be set in a config file: redaction is switched off only on the command line/);
    const unknown = await cliIn(projectWith({ adapter: 'aws-sdk-v3', strikt: true }), '--list');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/conformance\.config\.json: unknown key "strikt"/);
  });

  it("names the file when a server setting's value is wrong", async () => {
    const { code, stderr } = await cliIn(projectWith({ server: true, maxRequests: 0 }), '--list');
    expect(code).toBe(2);
    expect(stderr).toMatch(/conformance\.config\.json: --max-requests/);
  });
});
