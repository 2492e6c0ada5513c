import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity, isSymbolicLink, isWithin, sameFile } from './file-identity.ts';

const directory = mkdtempSync(join(tmpdir(), 'identity-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('file identity: paths compared as files', () => {
  it('a symbolic link to a folder and the folder name one file, existing or not', () => {
    mkdirSync(join(directory, 'real'));
    symlinkSync(join(directory, 'real'), join(directory, 'alias'));
    expect(sameFile(fileIdentity(join(directory, 'alias', 'r.json')), fileIdentity(join(directory, 'real', 'r.json')))).toBe(true);
    writeFileSync(join(directory, 'real', 'r.json'), '{}');
    expect(sameFile(fileIdentity(join(directory, 'alias', 'r.json')), fileIdentity(join(directory, 'real', 'r.json')))).toBe(true);
    expect(sameFile(fileIdentity(join(directory, 'real', 'other.json')), fileIdentity(join(directory, 'real', 'r.json')))).toBe(false);
  });

  it('a relative path resolves against the given working directory, and missing folders are kept as written', () => {
    expect(sameFile(fileIdentity('real/x/y.json', directory), fileIdentity(join(directory, 'alias', 'x', 'y.json')))).toBe(true);
  });

  it('two names of one hard-linked file are one file', () => {
    writeFileSync(join(directory, 'a.json'), '{}');
    linkSync(join(directory, 'a.json'), join(directory, 'b.json'));
    expect(sameFile(fileIdentity(join(directory, 'a.json')), fileIdentity(join(directory, 'b.json')))).toBe(true);
  });

  it('a path below a folder, through a link or not, is within it; a sibling with a common prefix is not', () => {
    const folder = fileIdentity(join(directory, 'real'));
    expect(isWithin(fileIdentity(join(directory, 'alias', 'deep', 'x.json')), folder)).toBe(true);
    expect(isWithin(fileIdentity(join(directory, 'alias')), folder)).toBe(true);
    expect(isWithin(fileIdentity(join(directory, 'real-sibling', 'x.json')), folder)).toBe(false);
  });

  it('tells a symbolic link from a file', () => {
    expect(isSymbolicLink(join(directory, 'alias'))).toBe(true);
    expect(isSymbolicLink(join(directory, 'a.json'))).toBe(false);
    expect(isSymbolicLink(join(directory, 'missing'))).toBe(false);
  });
});
