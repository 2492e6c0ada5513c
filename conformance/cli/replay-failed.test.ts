import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILURES_FILE } from '../run/failures-file.ts';
import { openRunFailures } from './replay-by-id.ts';
import { asksForReplayFailed, replayFailed } from './replay-failed.ts';

const folders: string[] = [];
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk, _encoding, done) {
        out[key] += String(chunk);
        done();
      },
    });
  return { io: { stdout: sink('stdout'), stderr: sink('stderr'), cwd }, out };
}

/** A folder whose failures file holds one failure of each case, recorded with the aws-sdk-v2 built-in. */
async function withFailures(cases: string[]): Promise<{ directory: string; ids: string[] }> {
  const directory = mkdtempSync(join(tmpdir(), 'replay-failed-'));
  folders.push(directory);
  const failures = await openRunFailures(['--adapter', 'aws-sdk-v2'], directory);
  const ids = cases.map((name) => /--replay ([0-9a-f]{8})$/.exec(failures.record(`x --adapter aws-sdk-v2 --filter ${name}`))![1]!);
  await failures.save();
  return { directory, ids };
}

describe('--replay failed', () => {
  it('is asked for in either token form, and only with the word failed', () => {
    expect(asksForReplayFailed(['--replay', 'failed'])).toBe(true);
    expect(asksForReplayFailed(['--replay=failed', '--verbose'])).toBe(true);
    expect(asksForReplayFailed(['--replay', 'abcdef12'])).toBe(false);
  });

  it('replays each stored failure by its id with the rest of the command line, removes the fixed ones and keeps the rest', async () => {
    const { directory, ids } = await withFailures(['case-a', 'case-b', 'case-c']);
    const { io: cli, out } = io(directory);
    const asked: string[][] = [];
    // case-a is fixed, case-b still fails, case-c cannot be replayed.
    const code = await replayFailed(['--replay', 'failed', '--verbose'], cli, async (argv) => {
      asked.push(argv);
      return [0, 1, 2][ids.indexOf(argv[1]!)]!;
    });
    expect(asked).toEqual(ids.map((id) => ['--replay', id, '--verbose']));
    expect(code).toBe(2);
    expect(out.stdout).toContain(`${ids[0]} case-a: fixed, removed`);
    expect(out.stdout).toContain(`${ids[1]} case-b: still failing`);
    expect(out.stdout).toContain(`${ids[2]} case-c: could not be replayed`);
    expect(out.stdout).toContain('1 still failing, 1 fixed, 1 could not be replayed');
    const stored = JSON.parse(readFileSync(join(directory, FAILURES_FILE), 'utf8')) as { failures: Record<string, unknown> };
    expect(Object.keys(stored.failures)).toEqual([ids[1], ids[2]]);
  });

  it('exit 1 while one still fails, 0 when every one is fixed (and the file is left empty)', async () => {
    const failing = await withFailures(['case-a']);
    expect(await replayFailed(['--replay', 'failed'], io(failing.directory).io, async () => 1)).toBe(1);
    const fixed = await withFailures(['case-a', 'case-b']);
    expect(await replayFailed(['--replay', 'failed'], io(fixed.directory).io, async () => 0)).toBe(0);
    expect(JSON.parse(readFileSync(join(fixed.directory, FAILURES_FILE), 'utf8')).failures).toEqual({});
  });

  it('nothing stored, or a --filter that would choose another case: exit 2 with the reason', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'replay-failed-'));
    folders.push(empty);
    const none = io(empty);
    expect(await replayFailed(['--replay', 'failed'], none.io, async () => 0)).toBe(2);
    expect(none.out.stderr).toMatch(/no stored failures in .*failures\.json; nothing ran/);
    const filtered = io(empty);
    expect(await replayFailed(['--replay', 'failed', '--filter', 'C8'], filtered.io, async () => 0)).toBe(2);
    expect(filtered.out.stderr).toContain('leave out --filter');
  });
});
