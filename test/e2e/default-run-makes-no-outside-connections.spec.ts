import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result, Summary } from '../../conformance/run/result.ts';
import { installNetworkGuard } from '../../conformance/sandbox/network-guard.ts';
import { cli } from './cli-harness.ts';

// The default run (`npm run conformance`, aws-sdk-v3) under two guards: one on this test's own
// process, which watches the harness's thread (loopback passes, anything else is recorded and
// refused), and the sandbox's own, which fails a case with A6 for any attempt its adapter makes.
// Neither may see a single connection beyond the machine.

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

describe('the default run makes no outside connections', () => {
  it('records zero non-loopback connection attempts, in the harness or in the sandbox', async () => {
    const guard = installNetworkGuard({ allowed: [], passThrough: (host) => LOOPBACK.test(host) });
    const report = join(mkdtempSync(join(tmpdir(), 'no-network-')), 'report.json');
    const { code, stdout } = await cli('--reporter', `json=${report}`);
    expect(code, stdout).toBe(0);
    expect(guard.drain()).toEqual([]);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { summary: Summary; results: Result[] };
    expect(written.summary.failed).toBe(0);
    const a6 = written.results.flatMap((r) => [...r.verdicts, ...r.warnings].filter((v) => v.check === 'A6' && v.status === 'fail'));
    expect(a6).toEqual([]);
    // The sandbox's guard is on: every fixture case was judged by A6.
    const fixtures = written.results.filter((r) => r.kind === 'fixture' && r.classified.kind !== 'not-applicable');
    expect(fixtures.length).toBeGreaterThan(50);
    expect(fixtures.filter((r) => !r.verdicts.some((v) => v.check === 'A6' && v.status === 'pass')).map((r) => r.id)).toEqual([]);
  });

  it('can fail: a client that bypasses interception is caught by the sandbox guard and named', async () => {
    const adapter = new URL('./hostile/in-process/own-fetch.ts', import.meta.url).pathname;
    // Seed 3 sends the case to https://cognito-idp.us-east-1.amazonaws.com, the host the verdict names.
    const { code, stdout } = await cli('--adapter', adapter, '--filter', 'RevokeTokenRequestAllMembers', '--seed', '3');
    expect(code).toBe(1);
    expect(stdout).toMatch(/A6 \[must\][\s\S]*tried to reach the network: tcp cognito-idp\.us-east-1\.amazonaws\.com:443/);
  });
});
