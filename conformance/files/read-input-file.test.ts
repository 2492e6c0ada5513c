import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, readInputFile } from './read-input-file.ts';

const directory = mkdtempSync(join(tmpdir(), 'read-input-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function problemOf(path: string, bounds: Parameters<typeof readInputFile>[1] = { maxBytes: 100 }): Promise<string> {
  const error = await readInputFile(path, bounds).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputFileError);
  expect((error as InputFileError).path).toBe(path);
  return (error as InputFileError).problem;
}

describe('readInputFile: one bounded read of a file the user names', () => {
  it('reads a regular file up to its cap, and names a larger one', async () => {
    const path = join(directory, 'ok.json');
    writeFileSync(path, 'x'.repeat(100));
    expect(await readInputFile(path, { maxBytes: 100 })).toBe('x'.repeat(100));
    writeFileSync(path, 'x'.repeat(101));
    expect(await problemOf(path)).toMatch(/101 bytes, more than the 100 bytes/);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(directory, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await problemOf(fifo)).toBe('a FIFO (named pipe), not a regular file');
  });

  it('refuses a device that never ends, reading none of it', async () => {
    expect(await problemOf('/dev/zero')).toBe('a device, not a regular file');
  });

  it('stops one byte past the cap when the size the system reports is wrong (procfs says 0)', async () => {
    // /proc/self/environ is a regular file of size 0 that reads as the environment.
    expect(await problemOf('/proc/self/environ', { maxBytes: 1 })).toMatch(/more than the 1 bytes/);
  });

  it('names a folder, a missing file, a file used as a folder, and text that is not UTF-8', async () => {
    expect(await problemOf(directory)).toMatch(/^a folder/);
    expect(await problemOf(join(directory, 'missing.json'))).toBe('no such file');
    writeFileSync(join(directory, 'plain'), '{}');
    expect(await problemOf(join(directory, 'plain', 'below.json'))).toBe('a folder on its path is a file');
    writeFileSync(join(directory, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(await problemOf(join(directory, 'latin1.json'))).toBe('not UTF-8 text');
  });

  it('follows a symbolic link unless told not to', async () => {
    mkdirSync(join(directory, 'linked'));
    writeFileSync(join(directory, 'linked', 'target.json'), '{}');
    symlinkSync(join(directory, 'linked', 'target.json'), join(directory, 'linked', 'link.json'));
    expect(await readInputFile(join(directory, 'linked', 'link.json'), { maxBytes: 10 })).toBe('{}');
    expect(await problemOf(join(directory, 'linked', 'link.json'), { maxBytes: 10, followSymlinks: false })).toBe('a symbolic link; give the file itself');
  });
});
