import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STORED_RUN_RULES } from '../cli/replay-by-id.ts';
import { caseOfReplayLine, FAILURES_FILE, openFailuresFile, type StoredRun } from './failures-file.ts';

const folders: string[] = [];
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'failures-file-'));
  folders.push(made);
  return made;
}
const RUN: StoredRun = { direction: 'client', builtIn: 'aws-sdk-v2', given: [], flags: {} };
const LINE = 'npx revoketoken-conformance --adapter aws-sdk-v2 --filter request-wire --seed 5 --replay 1:0';

describe('the case part of a replay line', () => {
  it('is read only when the line ends with it, each part checked', () => {
    expect(caseOfReplayLine(LINE)).toEqual({ case: 'request-wire', seed: 5, path: '1:0' });
    expect(caseOfReplayLine('x --server --filter semantics --seed 3 --replay 1 --replay-commands AAB')).toEqual({
      case: 'semantics',
      seed: 3,
      path: '1',
      commandsPath: 'AAB',
    });
    expect(caseOfReplayLine('x --filter a --no-redact')).toBeUndefined();
    expect(caseOfReplayLine('no filter here')).toBeUndefined();
  });
});

describe('a failures file that cannot be used is found before the first case and costs nothing but the short ids', () => {
  const place = {
    'a folder': (directory: string) => mkdirSync(join(directory, FAILURES_FILE), { recursive: true }),
    'its folder a plain file': (directory: string) => writeFileSync(join(directory, '.revoketoken-conformance'), 'x'),
    'a symbolic link': (directory: string) => {
      mkdirSync(join(directory, '.revoketoken-conformance'));
      writeFileSync(join(directory, 'notes.txt'), 'mine');
      symlinkSync(join(directory, 'notes.txt'), join(directory, FAILURES_FILE));
    },
    'its folder a symbolic link': (directory: string) => {
      mkdirSync(join(directory, 'elsewhere'));
      symlinkSync(join(directory, 'elsewhere'), join(directory, '.revoketoken-conformance'));
    },
    'a FIFO': (directory: string) => {
      mkdirSync(join(directory, '.revoketoken-conformance'));
      execFileSync('mkfifo', [join(directory, FAILURES_FILE)]);
    },
    corrupt: (directory: string) => {
      mkdirSync(join(directory, '.revoketoken-conformance'));
      writeFileSync(join(directory, FAILURES_FILE), '{"version":2,');
    },
  };
  it.each(Object.entries(place))('%s: a problem naming the file, full replay lines, nothing written', async (_, make) => {
    const directory = folder();
    make(directory);
    const failures = await openFailuresFile(directory, RUN, STORED_RUN_RULES);
    expect(failures.problem).toContain(join(directory, FAILURES_FILE));
    expect(failures.record(LINE)).toBe(LINE);
    expect(await failures.save()).toBeUndefined();
    if (_ === 'a symbolic link') expect(readFileSync(join(directory, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it("a file rewritten during the run does not hide the run's failures: the write at the end comes from memory", async () => {
    const directory = folder();
    const failures = await openFailuresFile(directory, RUN, STORED_RUN_RULES);
    expect(failures.problem).toBeUndefined();
    const short = failures.record(LINE);
    expect(short).toMatch(/--replay [0-9a-f]{8}$/);
    // A client overwrites the file with one byte while the run goes on.
    mkdirSync(join(directory, '.revoketoken-conformance'));
    writeFileSync(join(directory, FAILURES_FILE), 'x');
    expect(await failures.save()).toBeUndefined();
    const stored = JSON.parse(readFileSync(join(directory, FAILURES_FILE), 'utf8'));
    expect(Object.keys(stored.failures)).toEqual([/([0-9a-f]{8})$/.exec(short)![1]]);
  });

  it('a folder made a link during the run is not written through; the warning gives the full lines', async () => {
    const directory = folder();
    const failures = await openFailuresFile(directory, RUN, STORED_RUN_RULES);
    failures.record(LINE);
    mkdirSync(join(directory, 'elsewhere'));
    symlinkSync(join(directory, 'elsewhere'), join(directory, '.revoketoken-conformance'));
    const warning = await failures.save();
    expect(warning).toMatch(/its folder .* is a symbolic link/);
    expect(warning).toContain(LINE);
    expect(() => readFileSync(join(directory, 'elsewhere', 'failures.json'))).toThrow();
  });
});
