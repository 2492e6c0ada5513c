import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './cli-harness.ts';

// Hostile client processes (test/e2e/hostile/processes/): each records the pid of itself and
// of everything it starts, and the spec checks that none of them is still running afterwards.

const shim = (name: string) => new URL(`./hostile/processes/${name}`, import.meta.url).pathname;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function pidFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-processes-'));
  made.push(dir);
  return join(dir, 'pids');
}

const recorded = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : []);

/** Running means present and not a zombie (a zombie is dead, waiting for its parent to read its status). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function expectNoneRunning(file: string, atLeast: number): Promise<void> {
  const pids = recorded(file);
  expect(pids.length).toBeGreaterThanOrEqual(atLeast);
  await vi.waitFor(() => expect(pids.filter(running)).toEqual([]), { timeout: 5_000, interval: 50 });
}

const command = (name: string, file: string) => `"${process.execPath}" "${shim(name)}" "${file}"`;
const THREE_CASES = ['--filter', 'RevokeTokenSuccessEmptyObject', '--filter', 'RevokeTokenSuccessEmptyBody', '--filter', 'RevokeTokenSuccessUnknownFields'];

describe.runIf(process.platform === 'linux')('hostile client processes leave nothing running', () => {
  it('a client that starts a child and a setsid child, answers and exits: every start is swept, exit 1', async () => {
    const file = pidFile();
    const { code, stdout } = await cli('--command', command('forks-and-exits.mjs', file), ...THREE_CASES, '--seed', '1');
    expect(code).toBe(1);
    expect(stdout).toMatch(/3 cases/);
    // At least two starts (a case may catch a leader on its way out), each the leader and two children.
    await expectNoneRunning(file, 6);
  });

  it('a client that ignores SIGTERM and never answers: the case times out naming the limit, the group is killed, exit 1', async () => {
    const file = pidFile();
    const { code, stdout } = await cli('--command', command('ignores-sigterm.mjs', file), '--filter', 'RevokeTokenSuccessEmptyObject', '--case-timeout', '300');
    expect(code).toBe(1);
    expect(stdout).toMatch(/did not answer case c1 within 300 ms/);
    await expectNoneRunning(file, 2);
  });

  it('a client that never prints its capabilities line: refused after --start-timeout, nothing ran, exit 2', async () => {
    const file = pidFile();
    // The shell records the leader's pid at once (exec keeps it), so even a start-up slower than
    // the limit leaves a pid to check; the setsid child is checked when it got to start.
    const { code, stderr } = await cli('--command', `echo $$ >> "${file}"; exec ${command('never-greets.mjs', file)}`, '--start-timeout', '2000');
    expect(code).toBe(2);
    expect(stderr).toMatch(/printed no capabilities line within 2000 ms \(startTimeoutMs\)/);
    await expectNoneRunning(file, 1);
  });
});
