import { linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSymbolicLink } from './file-identity.ts';
import { writeFileAtomically } from './write-file-atomically.ts';

const directory = mkdtempSync(join(tmpdir(), 'atomic-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('writes into a device such as /dev/null in place: the device stays a device', () => {
    writeFileAtomically('/dev/null', 'discarded');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.startsWith('.null.'))).toEqual([]);
  });

  it('creates the folders and the file, and leaves no temporary file behind', () => {
    writeFileAtomically(join(directory, 'out', 'deep', 'r.json'), 'one');
    expect(readFileSync(join(directory, 'out', 'deep', 'r.json'), 'utf8')).toBe('one');
    writeFileAtomically(join(directory, 'out', 'deep', 'r.json'), 'two');
    expect(readFileSync(join(directory, 'out', 'deep', 'r.json'), 'utf8')).toBe('two');
    expect(readdirSync(join(directory, 'out', 'deep'))).toEqual(['r.json']);
  });

  it('replaces a symbolic link instead of writing through it', () => {
    writeFileSync(join(directory, 'notes.txt'), 'mine');
    symlinkSync(join(directory, 'notes.txt'), join(directory, 'report.json'));
    writeFileAtomically(join(directory, 'report.json'), 'report');
    expect(readFileSync(join(directory, 'notes.txt'), 'utf8')).toBe('mine');
    expect(isSymbolicLink(join(directory, 'report.json'))).toBe(false);
    expect(readFileSync(join(directory, 'report.json'), 'utf8')).toBe('report');
  });

  it('replaces one name of a hard-linked file, leaving the other name as it was', () => {
    writeFileSync(join(directory, 'kept.txt'), 'mine');
    linkSync(join(directory, 'kept.txt'), join(directory, 'linked.json'));
    writeFileAtomically(join(directory, 'linked.json'), 'report');
    expect(readFileSync(join(directory, 'kept.txt'), 'utf8')).toBe('mine');
  });
});
