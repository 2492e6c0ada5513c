import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../conformance/run/result.ts';
import { cli } from './cli-harness.ts';

// A crash is not an answer: a client process that exits on a case, or an in-process client
// that lets a bare TypeError out, fails that case at must level (A5), even where the case
// expects only a status code, which a crash never has.

function reportPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'crashes-')), 'report.json');
}

function failuresOf(report: string, id: string): { check: string; actual?: string }[] {
  const { results } = JSON.parse(readFileSync(report, 'utf8')) as { results: Result[] };
  const result = results.find((r) => r.id === id);
  return result?.classified.kind === 'fail' ? result.classified.failures : [];
}

describe('a crash fails the case it happened in', () => {
  it('a process client that exits fails a case that expects only a status code, through A5', async () => {
    const report = reportPath();
    const client = new URL('./hostile/process/exits-on-every-case.mjs', import.meta.url).pathname;
    const { code } = await cli(
      '--command',
      `node ${client}`,
      '--filter',
      'RevokeTokenProxyPlainText504',
      '--case-timeout',
      '2000',
      '--reporter',
      `json=${report}`,
    );
    expect(code).toBe(1);
    const failures = failuresOf(report, 'RevokeTokenProxyPlainText504');
    expect(failures.find((v) => v.check === 'A5')?.actual).toMatch(/client process failed \(exit\)/);
  });

  it('an in-process client whose error path throws a bare TypeError fails A5 on a modeled error', async () => {
    const report = reportPath();
    const adapter = new URL('./hostile/in-process/sync-throw.ts', import.meta.url).pathname;
    const { code } = await cli('--adapter', adapter, '--filter', 'RevokeTokenInvalidParameterExceptionModeledStatus', '--reporter', `json=${report}`);
    expect(code).toBe(1);
    expect(failuresOf(report, 'RevokeTokenInvalidParameterExceptionModeledStatus').find((v) => v.check === 'A5')?.actual).toMatch(/bare TypeError/);
  });
});
