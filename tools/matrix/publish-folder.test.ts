import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishFolder, SiteFolderError } from './publish-folder.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'revoketoken-publish-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const site = (run: string) => ({ 'index.html': `page ${run}`, 'results.json': `results ${run}` });

describe('publishFolder', () => {
  it('creates the folder, parents included, with exactly the files given', () => {
    const out = join(root, 'a', 'site');
    publishFolder(out, site('1'));
    expect(readdirSync(out).sort()).toEqual(['index.html', 'results.json']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('page 1');
  });

  it('replaces an earlier site whole and leaves no staging or replaced folder behind', () => {
    const out = join(root, 'site');
    publishFolder(out, site('1'));
    publishFolder(out, site('2'));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('page 2');
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('results 2');
    expect(readdirSync(root)).toEqual(['site']);
  });

  it('leaves the earlier site untouched when writing the new one fails halfway: nothing is written in place', () => {
    const out = join(root, 'site');
    publishFolder(out, site('1'));
    // The page is written first, then a file that cannot be written (its folder does not exist).
    const failing = () => publishFolder(out, { 'index.html': 'page 2', 'no-such-folder/results.json': 'x' }, ['index.html', 'results.json']);
    expect(failing).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('page 1');
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('results 1');
    expect(readdirSync(root)).toEqual(['site']);
  });

  it('refuses a folder holding files the matrix did not write, and leaves them alone', () => {
    const out = join(root, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    expect(() => publishFolder(out, site('1'))).toThrow(SiteFolderError);
    expect(() => publishFolder(out, site('1'))).toThrow(/--out .*mine: holds notes\.txt/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readdirSync(root)).toEqual(['mine']);
  });

  it('refuses a path that is a file', () => {
    const out = join(root, 'file');
    writeFileSync(out, 'x');
    expect(() => publishFolder(out, site('1'))).toThrow(/not a folder/);
    expect(readFileSync(out, 'utf8')).toBe('x');
  });

  it('follows a link to a folder and keeps the link', () => {
    const real = join(root, 'real');
    mkdirSync(real);
    symlinkSync(real, join(root, 'link'));
    publishFolder(join(root, 'link'), site('1'));
    expect(readFileSync(join(root, 'link', 'index.html'), 'utf8')).toBe('page 1');
    expect(readFileSync(join(real, 'index.html'), 'utf8')).toBe('page 1');
  });
});
