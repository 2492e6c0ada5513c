import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lane } from './lanes.ts';
import { REPO_ROOT } from './main.ts';
import { laneArguments, runLane } from './run-lane.ts';

const lane: Lane = { name: 'stand-in', kind: 'client', args: ['--adapter', 'stand-in'], version: { repository: true } };
const cli = 'tools/matrix/test-fixtures/stand-in-cli.ts';
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('running one lane', () => {
  it('passes --strict, the seed, the expectations and a JSON reporter to the CLI', () => {
    expect(laneArguments(lane, { seed: 5, reportPath: '/r.json', expectations: 'e.json' })).toEqual([
      '--adapter',
      'stand-in',
      '--strict',
      '--seed',
      '5',
      '--expectations',
      'e.json',
      '--reporter',
      'json=/r.json',
    ]);
  });

  it("reads the CLI's exit code and its JSON report", async () => {
    process.env['STAND_IN'] = 'report';
    const run = await runLane(lane, { repoRoot: REPO_ROOT, seed: 5, timeoutMs: 60_000, cli });
    expect(run).toMatchObject({ exitCode: 1, timedOut: false, report: { summary: { implementation: 'stand-in' } } });
    expect(run.report?.results[0]?.replay).toContain('--strict --seed 5');
  });

  it('kills the lane and everything it started when it runs out of time', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'matrix-stand-in-'));
    process.env['STAND_IN'] = 'hang';
    process.env['STAND_IN_PID_FILE'] = join(scratch, 'pid');
    const run = await runLane(lane, { repoRoot: REPO_ROOT, seed: 5, timeoutMs: 8_000, cli });
    expect(run).toMatchObject({ timedOut: true, exitCode: null });
    expect(run.report).toBeUndefined();
    const grandchild = Number(readFileSync(join(scratch, 'pid'), 'utf8'));
    await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
    rmSync(scratch, { recursive: true, force: true });
  });
});
