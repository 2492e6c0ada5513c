import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/self-test/broken-servers.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { type LoopbackServer, startLoopbackServer } from '../../conformance/wire/loopback-server.ts';
import { adapterPath, cli } from './cli-harness.ts';

const FAST = ['--runs', '5', '--seed', '1'];
const dir = mkdtempSync(join(tmpdir(), 'one-report-per-cause-'));
const servers: LoopbackServer[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.map((s) => s.close()));
});

// The operation name lowercased in X-Amz-Target: one fault that fails every case with C4.
const systematic = () => cli('--adapter', adapterPath('lowercased-operation.ts'), ...FAST);

describe('one systematic fault gives one report per cause', () => {
  it('the console report is short, leads with the rule, and still names every failing case', async () => {
    const { code, stdout } = await systematic();
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    // Before: one block per case, over 500 lines for this fault.
    expect(lines.length).toBeLessThan(100);
    const verbose = await cli('--adapter', adapterPath('lowercased-operation.ts'), ...FAST, '--verbose');
    const failing = [...verbose.stdout.matchAll(/^FAIL \w+ (\S+) \[/gm)].map((m) => m[1]!);
    expect(failing.length).toBeGreaterThan(60);
    expect(stdout.match(/^ {2}C4 \[must\] .*: (\d+) cases failed$/m)?.[1]).toBe(String(failing.length));
    // The case that stands for C4 is one written about it (tagged C4) that fails C4 alone, not the
    // first in run order (a cognito-local fixture): the property of the request's wire form.
    expect(stdout).toMatch(/^ {4}e\.g\. property request-wire: C4: expected /m);
    expect(stdout).not.toMatch(/^FAIL fixture RevokeTokenCognitoLocal/m);
    expect(stdout.indexOf('Failures by rule')).toBeLessThan(stdout.indexOf('FAIL fixture'));
    expect(stdout).toMatch(/and \d+ more cases with the same verdict/);
    for (const id of failing) expect(stdout).toMatch(new RegExp(`(^|[ ,])${id.replace(/-/g, '\\-')}($|[ ,:\\]])`, 'm'));
  });

  it('--verbose shows every case in full', async () => {
    const { stdout } = await cli('--adapter', adapterPath('lowercased-operation.ts'), ...FAST, '--verbose');
    expect(stdout.match(/^FAIL /gm)?.length).toBeGreaterThan(60);
    expect(stdout).not.toContain('more cases with the same verdict');
  });

  it('the server suite rolls up the same way', async () => {
    const broken = BROKEN_SERVERS.find((b) => b.name === 'no-request-id')!;
    const server = await startLoopbackServer(broken.wrap(createReferenceService()), { closeGraceMs: 50 });
    servers.push(server);
    const junit = join(dir, 'server.xml');
    const { code, stdout } = await cli(
      '--server',
      server.url,
      '--seed',
      '1',
      '--runs',
      '3',
      '--filter',
      'routing',
      '--filter',
      'auth',
      '--reporter',
      `junit=${junit}`,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/Failures by rule \(\d+ rules?, \d+ failed cases?\):\n {2}S14 \[must\]/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="[^"]*: scripted probes"/);
    expect(xml).toMatch(/<failure message="S14: expected /);
  });
});
