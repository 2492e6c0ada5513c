import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from './flags.ts';
import { checkReporterPaths, type RunInput } from './reporter-paths.ts';

const directory = mkdtempSync(join(tmpdir(), 'reporter-paths-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const at = (name: string) => join(directory, name);
const json = (path: string) => ({ kind: 'json', path });

function refusal(specs: Array<{ kind: string; path: string }>, inputs: RunInput[] = []): string {
  try {
    checkReporterPaths(specs, inputs, directory);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('report paths are checked as files before anything runs', () => {
  writeFileSync(at('expectations.json'), '{"adapter":"x","expectations":[]}');
  mkdirSync(at('real'));
  symlinkSync(at('real'), at('alias'));
  mkdirSync(at('.revoketoken-conformance'));
  const inputs: RunInput[] = [
    { what: 'the expectations file (--expectations)', path: at('expectations.json') },
    { what: 'the failures file', path: at('.revoketoken-conformance/failures.json') },
    { what: "the failures file's folder", path: at('.revoketoken-conformance'), folder: true },
  ];

  it('a report over an input, by its own name or through a linked folder, is refused naming both', () => {
    expect(refusal([json('expectations.json')], inputs)).toMatch(
      /^--reporter json=expectations\.json: expectations\.json is the expectations file \(--expectations\)/,
    );
    symlinkSync(directory, at('here'));
    expect(refusal([json('here/expectations.json')], inputs)).toMatch(/is the expectations file/);
    expect(refusal([json('.revoketoken-conformance/failures.json')], inputs)).toMatch(/is the failures file/);
    expect(refusal([json('.revoketoken-conformance/other.json')], inputs)).toMatch(/is in the failures file's folder/);
    expect(readFileSync(at('expectations.json'), 'utf8')).toBe('{"adapter":"x","expectations":[]}');
  });

  it('two reporters on one file through a linked folder or a hard link are refused', () => {
    expect(refusal([json('real/r.json'), { kind: 'junit', path: 'alias/r.json' }])).toBe(
      '--reporter junit=alias/r.json: --reporter json=real/r.json writes the same file',
    );
    writeFileSync(at('a.json'), '');
    linkSync(at('a.json'), at('b.json'));
    expect(refusal([json('a.json'), { kind: 'ctrf', path: 'b.json' }])).toMatch(/ctrf=b\.json: --reporter json=a\.json writes the same file/);
  });

  it('a report path that is a symbolic link is refused, not written through', () => {
    writeFileSync(at('notes.txt'), 'mine');
    symlinkSync(at('notes.txt'), at('link.json'));
    expect(refusal([json('link.json')])).toMatch(/link\.json is a symbolic link; reports are not written through links/);
  });

  it('separate files, new or existing, pass', () => {
    expect(() => checkReporterPaths([json('out/new.json'), { kind: 'junit', path: 'a.json' }], inputs, directory)).not.toThrow();
  });
});
