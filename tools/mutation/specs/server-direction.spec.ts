import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerResult } from '../../../conformance/server/run/server-result.ts';
import { conformanceVerdict } from './suite-verdict.ts';

// The server direction of mutation testing: Stryker mutates the reference server's RevokeToken
// path and revocation state, and a mutant is killed only when the server suite's verdict stops
// being a full pass: the CLI's exit code for `--server` (which starts the reference server in
// this process), and in its report every case passed, no warning, and no informational
// difference from the outcomes the reference server is configured to give where the real
// service is unverified. A fixed seed keeps one mutant's verdict reproducible.
const SEED = '20261201';

async function serverSuitePasses(extraFlags: string[]): Promise<void> {
  const reportPath = join(mkdtempSync(join(tmpdir(), 'mutation-server-')), 'report.json');
  const { code, report } = await conformanceVerdict(['--server', '--seed', SEED, '--reporter', 'human', '--reporter', `json=${reportPath}`, ...extraFlags]);
  expect(code, `the server suite must pass the reference server\n${report}`).toBe(0);
  const { results } = JSON.parse(readFileSync(reportPath, 'utf8')) as { results: ServerResult[] };
  expect(results.filter((r) => r.classified.kind !== 'pass').map((r) => r.id)).toEqual([]);
  expect(results.flatMap((r) => r.warnings)).toEqual([]);
  expect(results.flatMap((r) => r.informational).filter((v) => v.status === 'fail')).toEqual([]);
}

describe('the server suite passes the reference server', () => {
  it('default mode', () => serverSuitePasses([]));
  it('strict mode', () => serverSuitePasses(['--strict']));
});
