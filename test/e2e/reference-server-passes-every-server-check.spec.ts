import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerResult } from '../../conformance/server/run/server-result.ts';
import { SERVER_CASES } from '../../conformance/server/server-cases.ts';
import { cli as serverCli } from './cli-harness.ts';

describe('the reference server passes every server check', () => {
  it.each([1, 2026])('must and should level, seed %i', async (seed) => {
    const report = join(mkdtempSync(join(tmpdir(), 'server-suite-')), 'report.json');
    const { code, stdout } = await serverCli('--server', '--strict', '--seed', String(seed), '--reporter', 'human', '--reporter', `json=${report}`);
    expect(stdout).toMatch(new RegExp(`${SERVER_CASES.length} passed, 0 failed`));
    expect(code).toBe(0);
    const { results } = JSON.parse(readFileSync(report, 'utf8')) as { results: ServerResult[] };
    expect(results.map((r) => [r.id, r.classified.kind]).filter(([, kind]) => kind !== 'pass')).toEqual([]);
    expect(results.flatMap((r) => r.warnings)).toEqual([]);
    expect(results.flatMap((r) => r.informational).filter((v) => v.status === 'fail')).toEqual([]);
  });
});
