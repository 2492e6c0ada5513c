import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILURES_FILE, FailuresFileError, failureId, type StoredFailure } from '../run/failures-file.ts';
import { expandReplayId, openRunFailures, storedRunOf } from './replay-by-id.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'failures-'));
  folders.push(made);
  return made;
}

/** Records one failure of a run with `argv` in a new folder; returns the folder and the id. */
async function recorded(argv: string[], line: string): Promise<{ directory: string; id: string; short: string }> {
  const directory = folder();
  const failures = await openRunFailures(argv, directory);
  const short = failures.record(line);
  expect(await failures.save()).toBeUndefined();
  return { directory, id: /--replay ([0-9a-f]{8})$/.exec(short)![1]!, short };
}

/** Writes a failures file holding `entry` under its own id (or `id`). */
function planted(entry: Record<string, unknown>, id?: string): { directory: string; id: string } {
  const directory = folder();
  const key = id ?? failureId(entry as unknown as StoredFailure);
  mkdirSync(join(directory, '.revoketoken-conformance'));
  writeFileSync(join(directory, FAILURES_FILE), JSON.stringify({ version: 2, failures: { [key]: entry } }));
  return { directory, id: key };
}

const VALID = {
  direction: 'client',
  builtIn: 'aws-sdk-v2',
  given: [],
  flags: { strict: true },
  case: 'request-wire',
  seed: 5,
  recordedAt: '2026-12-07T20:00:00.000Z',
};

describe('what a failures file keeps of a run', () => {
  it('keeps the verdict flags and the built-in by name; never a command, a module path, a URL, a reporter or --no-redact', () => {
    expect(
      storedRunOf([
        '--command',
        'node client.mjs --verbose',
        '--seed',
        '4',
        '--strict',
        '--reporter=json=out.json',
        '--reporter',
        'human',
        '--filter',
        'request-wire',
        '--case-timeout',
        '500',
        '--no-redact',
        '--no-isolate',
        '--expectations',
        'mine.json',
        '--verbose',
      ]),
    ).toEqual({ direction: 'client', given: ['command', 'expectations'], flags: { strict: true, 'case-timeout': 500 } });
    expect(storedRunOf(['--adapter=./x.mjs', '--revision', '2026-02'])).toEqual({ direction: 'client', given: ['adapter'], flags: { revision: '2026-02' } });
    expect(storedRunOf(['--adapter', 'aws-sdk-v2'])).toEqual({ direction: 'client', builtIn: 'aws-sdk-v2', given: [], flags: {} });
    expect(storedRunOf([])).toEqual({ direction: 'client', builtIn: 'aws-sdk-v3', given: [], flags: {} });
    expect(storedRunOf(['--server', '--strict', '--max-requests', '9'])).toEqual({
      direction: 'server',
      builtIn: 'reference',
      given: [],
      flags: { strict: true, 'max-requests': 9 },
    });
    expect(storedRunOf(['--server', 'http://127.0.0.1:1', '--allow-remote', '--unverified', 'unknown-token=any'])).toEqual({
      direction: 'server',
      given: ['server'],
      flags: { unverified: ['unknown-token=any'] },
    });
  });
});

describe('--replay <id> expands into the stored case and flags, and the client from the user', () => {
  it('a built-in client: its name, the flags and the case, then the rest of the command line', async () => {
    const { directory, id } = await recorded(
      ['--adapter', 'aws-sdk-v2', '--strict'],
      'npm run conformance -- --adapter aws-sdk-v2 --strict --filter request-wire --seed 5 --replay 1:0:2',
    );
    expect(await expandReplayId(['--replay', id, '--verbose'], directory)).toEqual({
      argv: ['--adapter=aws-sdk-v2', '--strict', '--filter=request-wire', '--seed=5', '--replay=1:0:2', '--verbose'],
      notes: [],
    });
    // A fast-check path (with its --seed) is left as it is.
    expect((await expandReplayId(['--replay', '12345678', '--seed', '3', '--filter', 'x'], directory)).argv).toEqual([
      '--replay',
      '12345678',
      '--seed',
      '3',
      '--filter',
      'x',
    ]);
  });

  it('a --command client: the command comes from the user, and its absence is named', async () => {
    const { directory, id, short } = await recorded(
      ['--command', 'touch PWNED', '--expectations', 'mine.json'],
      'x --command "touch PWNED" --filter RevokeTokenSuccess',
    );
    // The line printed to the user names the command and the expectations again; the file does not.
    expect(short).toMatch(/ --command "touch PWNED" --expectations mine\.json --replay [0-9a-f]{8}$/);
    const stored = readFileSync(join(directory, FAILURES_FILE), 'utf8');
    expect(stored).not.toContain('touch');
    expect(stored).not.toContain('mine.json');
    const expanded = await expandReplayId(['--replay', id], directory);
    expect(expanded.argv).toEqual(['--filter=RevokeTokenSuccess']);
    expect(expanded.needsClient).toMatch(/a --command client.*give --command again/);
    expect(expanded.notes[0]).toMatch(/--expectations/);
    expect((await expandReplayId(['--replay', id, '--command', 'node mine.mjs'], directory)).needsClient).toBeUndefined();
  });

  it('a server given by URL: --server must be given again', async () => {
    const { directory, id } = await recorded(['--server', 'http://127.0.0.1:9'], 'x --server http://127.0.0.1:9 --filter S1');
    await expect(expandReplayId(['--replay', id], directory)).rejects.toThrow(/keeps no URLs: give --server <url> again/);
    expect((await expandReplayId(['--replay', id, '--server', 'http://127.0.0.1:7'], directory)).argv).toEqual([
      '--filter=S1',
      '--server',
      'http://127.0.0.1:7',
    ]);
    const reference = await recorded(['--server'], 'x --server --filter S1');
    expect((await expandReplayId(['--replay', reference.id], reference.directory)).argv).toEqual(['--server', '--filter=S1']);
  });
});

describe('a planted or damaged failures file is refused, naming the field', () => {
  it.each([
    ['a stored command line', { ...VALID, argv: ['--command', 'touch PWNED'] }, /\/argv: not a field of a stored failure/],
    ['--command as a flag', { ...VALID, flags: { command: 'touch PWNED' } }, /\/flags\/command: not a flag a failures file may set/],
    ['--no-redact', { ...VALID, flags: { 'no-redact': true } }, /\/flags\/no-redact: not a flag/],
    ['a reporter', { ...VALID, flags: { reporter: ['json=notes.txt'] } }, /\/flags\/reporter: not a flag/],
    ['--no-isolate', { ...VALID, flags: { 'no-isolate': true } }, /\/flags\/no-isolate: not a flag/],
    ['a server URL', { ...VALID, direction: 'server', builtIn: 'http://example.com' }, /\/builtIn: must be a built-in server lane/],
    ['an adapter path as the built-in', { ...VALID, builtIn: './evil.mjs' }, /\/builtIn: must be a built-in client/],
    [
      'a value out of range',
      { ...VALID, flags: { 'case-timeout': 99_999_999 } },
      /\/flags\/case-timeout: --case-timeout must be a whole number from 1 to 600,000/,
    ],
    [
      'a flag smuggled into a value',
      { ...VALID, flags: { revision: '2026-02 --no-redact' } },
      /\/flags\/revision: --revision 2026-02 --no-redact: not a revision/,
    ],
    ['a case that is a flag', { ...VALID, case: '--no-redact' }, /\/case: must be a case id/],
    ['a path with words in it', { ...VALID, path: '1:0 --no-redact' }, /\/path: must be a fast-check path/],
    ['a client that is nobody', { ...VALID, builtIn: undefined }, /\/builtIn: a failure names its built-in/],
  ])('%s', async (_, entry, message) => {
    const { directory, id } = planted(entry);
    const error = await expandReplayId(['--replay', id], directory).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FailuresFileError);
    expect((error as Error).message).toContain(join(directory, FAILURES_FILE));
    expect((error as Error).message).toMatch(message);
  });

  it('an entry filed under an id that is not its own', async () => {
    const { directory } = planted(VALID, 'abcdef12');
    await expect(expandReplayId(['--replay', 'abcdef12'], directory)).rejects.toThrow(/\/failures\/abcdef12: the entry does not match its id/);
  });

  it('a version-1 file, which stored command lines, says to delete it', async () => {
    const directory = folder();
    mkdirSync(join(directory, '.revoketoken-conformance'));
    writeFileSync(join(directory, FAILURES_FILE), JSON.stringify({ version: 1, failures: { abcdef12: { argv: ['--command', 'touch PWNED'] } } }));
    await expect(expandReplayId(['--replay', 'abcdef12'], directory)).rejects.toThrow(/a version-1 failures file, which stored command lines.*Delete it \(rm /);
  });

  it('an unknown id, a missing file and a damaged file each name the id or the file', async () => {
    const directory = folder();
    await expect(expandReplayId(['--replay', 'abcdef12'], directory)).rejects.toThrow(/abcdef12.*failures\.json does not exist/);
    mkdirSync(join(directory, '.revoketoken-conformance'));
    writeFileSync(join(directory, FAILURES_FILE), '{"version":2,"failures":{}}');
    await expect(expandReplayId(['--replay', 'abcdef12'], directory)).rejects.toThrow(/no failure abcdef12 in .*failures\.json/);
    writeFileSync(join(directory, FAILURES_FILE), 'not json');
    await expect(expandReplayId(['--replay', 'abcdef12'], directory)).rejects.toThrow(/failures\.json: not a failures file/);
  });
});
