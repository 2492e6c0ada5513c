import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURES_FILE, FailuresFileError, failureId, failuresFile } from '../run/failures-file.ts';
import { expandReplayId, verdictArguments } from './replay-by-id.ts';

describe('the failures file behind --replay <id>', () => {
  it('keeps the flags that change a verdict and drops those that choose the case or shape the output', () => {
    expect(
      verdictArguments([
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
        '--verbose',
      ]),
    ).toEqual(['--command', 'node client.mjs --verbose', '--strict', '--case-timeout', '500']);
    // --server takes a value only when one follows.
    expect(verdictArguments(['--server', '--strict', '--max-requests', '9'])).toEqual(['--server', '--strict', '--max-requests', '9']);
    expect(verdictArguments(['--server', 'http://127.0.0.1:1', '--unverified', 'unknown-token=any'])).toEqual([
      '--server',
      'http://127.0.0.1:1',
      '--unverified',
      'unknown-token=any',
    ]);
  });

  it('records a failure under a stable short id and expands the id back into its command line', () => {
    const directory = mkdtempSync(join(tmpdir(), 'failures-'));
    const recorder = failuresFile(directory, ['--adapter', 'x.ts', '--strict']);
    const line = recorder.record('npm run conformance -- --adapter x.ts --strict --filter request-wire --seed 5 --replay 1:0:2');
    const id = /--replay ([0-9a-f]{8})$/.exec(line)![1]!;
    expect(line.length).toBeLessThan(60);
    expect(id).toBe(failureId(['--adapter', 'x.ts', '--strict', '--filter', 'request-wire', '--seed', '5', '--replay', '1:0:2']));
    expect(expandReplayId(['--replay', id, '--verbose'], directory)).toEqual([
      '--adapter',
      'x.ts',
      '--strict',
      '--filter',
      'request-wire',
      '--seed',
      '5',
      '--replay',
      '1:0:2',
      '--verbose',
    ]);
    // A fast-check path (with its --seed) is left as it is.
    expect(expandReplayId(['--replay', '12345678', '--seed', '3', '--filter', 'x'], directory)).toEqual([
      '--replay',
      '12345678',
      '--seed',
      '3',
      '--filter',
      'x',
    ]);
  });

  it('an unknown id, a missing file and a damaged file each name the id or the file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'failures-'));
    expect(() => expandReplayId(['--replay', 'abcdef12'], directory)).toThrow(FailuresFileError);
    expect(() => expandReplayId(['--replay', 'abcdef12'], directory)).toThrow(/abcdef12.*failures\.json does not exist/);
    mkdirSync(join(directory, '.revoketoken-conformance'));
    writeFileSync(join(directory, FAILURES_FILE), '{"version":1,"failures":{}}');
    expect(() => expandReplayId(['--replay', 'abcdef12'], directory)).toThrow(/no failure abcdef12 in .*failures\.json/);
    writeFileSync(join(directory, FAILURES_FILE), 'not json');
    expect(() => expandReplayId(['--replay', 'abcdef12'], directory)).toThrow(/failures\.json: not a failures file/);
  });
});
