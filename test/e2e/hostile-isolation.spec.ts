import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result, Summary } from '../../conformance/run/result.ts';
import { cli } from './cli-harness.ts';

// Issue 18's findings against the sandbox (decisions/0021), each as the client that found it:
// a forged verdict, code the guards did not cover, a harness ended from inside, a verdict that
// depended on load. Each run must exit 1 (or 0 for the correct client), write its report, name
// what happened, and let nothing out: a listener on 127.0.0.1 stands for the outside world.

const adapter = (name: string) => new URL(`./hostile/isolation/${name}.ts`, import.meta.url).pathname;
const CASE = 'RevokeTokenRequestAllMembers';

interface Written {
  summary: Summary;
  results: Result[];
}

let listener: Server;
const received: string[] = [];
beforeAll(async () => {
  listener = createServer((socket) => {
    let data = '';
    socket.on('data', (chunk) => (data += String(chunk)));
    socket.on('close', () => received.push(data || '(a connection)'));
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  process.env.REVOKETOKEN_HOSTILE_PORT = String(typeof address === 'object' && address ? address.port : 0);
});
afterAll(async () => {
  delete process.env.REVOKETOKEN_HOSTILE_PORT;
  delete process.env.REVOKETOKEN_HOSTILE_REPORT;
  await new Promise((resolve) => listener.close(resolve));
});

async function run(name: string, ...extra: string[]): Promise<{ code: number; stderr: string; written: Written; report: string }> {
  const report = join(mkdtempSync(join(tmpdir(), 'hostile-isolation-')), 'report.json');
  process.env.REVOKETOKEN_HOSTILE_REPORT = report;
  const { code, stderr } = await cli('--adapter', adapter(name), '--seed', '3', '--case-timeout', '2000', '--reporter', `json=${report}`, ...extra);
  return { code, stderr, written: JSON.parse(readFileSync(report, 'utf8')) as Written, report };
}

const failing = (written: Written, id: string, rule: string) =>
  written.results
    .find((r) => r.id === id)
    ?.verdicts.filter((v) => v.status === 'fail' && v.check === rule)
    .map((v) => v.actual)
    .join('\n') ?? '';

describe('finding 1: a verdict the code under test cannot forge', () => {
  it('a broken client that rewrites the records the sandbox posts still fails every case it breaks', async () => {
    const { code, written } = await run('cleans-its-records', '--filter', CASE, '--filter', 'RevokeTokenProxyHtml502');
    expect(code).toBe(1);
    expect(written.summary.passed).toBe(0);
    for (const id of [CASE, 'RevokeTokenProxyHtml502']) {
      // What it hid: the connection it tried (refused, A6) and the crash it caused (A5).
      expect(failing(written, id, 'A6')).toMatch(/tried to reach the network: tcp cognito-idp\.us-east-1\.amazonaws\.com:443/);
      expect(failing(written, id, 'A5')).not.toBe('');
    }
  });

  it('a client that sends nothing and posts a clean record for each case fails the run: the forged messages lack the run’s secret', async () => {
    const { code, written } = await run('forges-records', '--filter', CASE, '--filter', 'RevokeTokenProxyHtml502');
    expect(code).toBe(1);
    expect(written.summary.passed).toBe(0);
    // The harness saw no request, whatever the forged record said.
    expect(written.results.find((r) => r.id === CASE)?.classified.kind).toBe('fail');
    expect(failing(written, CASE, 'A5')).toMatch(/broke the sandbox's channel: a '(record|request)' message .*without the run's secret/);
    expect(failing(written, 'adapter-close', 'A5')).toMatch(/no verdict of this run can be trusted: .*'record' message .*without the run's secret/);
  });

  it('a module that posts a forged message while it loads fails the load: no case runs on its word', async () => {
    const { code, written } = await run('forges-while-loading', '--filter', CASE);
    expect(code).toBe(1);
    expect(written.summary.passed).toBe(0);
    expect(failing(written, 'adapter-load', 'A5')).toMatch(/no verdict of this run can be trusted: a 'ready' message .*without the run's secret/);
  });
});

describe('finding 2: nothing runs where the guards do not reach', () => {
  it.each([
    ['starts-a-worker', /started a worker thread \(code given as a string\), which the sandbox refuses/],
    ['starts-a-child-process', /started a child process \(spawn \S*node\S*\), which the sandbox refuses/],
    ['loads-an-addon', /loaded a native addon, which the sandbox refuses/],
  ])('%s: refused, the case fails A5 naming it, and nothing reaches the listener', async (name, named) => {
    const before = received.length;
    const { code, written, report } = await run(name, '--filter', CASE);
    expect(code).toBe(1);
    expect(failing(written, CASE, 'A5')).toMatch(named);
    expect(received.slice(before)).toEqual([]);
    // Finding 10: no process of the adapter's is left to write over the report.
    expect(JSON.parse(readFileSync(report, 'utf8')).summary.failed).toBeGreaterThan(0);
  });
});

describe('finding 3: the harness cannot be ended from inside', () => {
  it('signals to the harness, as a string pid, to its group or through process._kill, are refused and fail the case; the run reports', async () => {
    const { code, written } = await run('signals-the-harness', '--filter', CASE);
    // This process, which runs the CLI, is still here to read the exit code and the report.
    expect(code).toBe(1);
    const named = failing(written, CASE, 'A5');
    for (const signal of ['SIGSTOP', 'SIGKILL', 'SIGTERM']) expect(named).toContain(`sent a signal (${signal}) to the harness's process or its group`);
  });
});

describe('finding 11: no verdict depends on load', () => {
  it('a correct client that waits on a thread-pool job passes, however long the job takes', async () => {
    const { code, written, stderr } = await run('waits-on-a-crypto-job', '--filter', CASE, '--filter', 'RevokeTokenProxyHtml502');
    expect(code, stderr).toBe(0);
    expect(written.summary.failed).toBe(0);
    expect(written.summary.passed).toBe(2);
  });

  it('a client that waits on a worker of its own fails for the worker, never for the time it took', async () => {
    const { code, written } = await run('starts-a-worker', '--filter', CASE);
    expect(code).toBe(1);
    expect(failing(written, CASE, 'A4')).toBe('');
    expect(failing(written, CASE, 'A5')).toMatch(/started a worker thread/);
  });
});
