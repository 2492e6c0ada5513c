import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterPath, cli, cliIn } from './cli-harness.ts';

const counterexample = (text: string) => /counterexample \([^)]*\): (.*)$/m.exec(text)?.[1];
// In a directory outside this repository the line names the package's bin (run/replay.ts suiteCommand).
// The short line names the adapter module again (the failures file keeps no paths), then the id.
const replayId = (text: string) => /replay: (?:npm run conformance --|npx revoketoken-conformance) (?:--adapter \S+ )?--replay ([0-9a-f]{8})$/m.exec(text)?.[1];

describe('a failure prints one line that replays exactly that case', () => {
  it('replays a shrunk property failure by its id, and from the seed and path the failures file keeps', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'replay-'));
    // --no-redact so the two counterexamples can be compared value for value.
    const first = await cliIn(directory, '--adapter', adapterPath('camel-case-client-id.ts'), '--filter', 'request-wire', '--seed', '99', '--no-redact');
    expect(first.code).toBe(1);
    const id = replayId(first.stdout);
    expect(id).toBeDefined();
    expect(counterexample(first.stdout)).toMatch(/"Token":"[^[]/);

    // The failures file keeps no module path: the user names the adapter again.
    const byId = await cliIn(directory, '--replay', id!, '--adapter', adapterPath('camel-case-client-id.ts'), '--no-redact');
    expect(byId.code).toBe(1);
    expect(counterexample(byId.stdout)).toBe(counterexample(first.stdout));
    // The same failure keeps its id when replayed.
    expect(replayId(byId.stdout)).toBe(id);

    // The file keeps data, not a command line: case, seed and fast-check path, usable without the id.
    const stored = JSON.parse(readFileSync(join(directory, '.revoketoken-conformance/failures.json'), 'utf8')).failures[id!];
    expect(stored).toMatchObject({ direction: 'client', given: ['adapter'], case: 'request-wire', seed: 99, path: expect.stringMatching(/^\d+(:\d+)*$/) });
    expect(JSON.stringify(stored)).not.toContain('camel-case-client-id');
    const byPath = await cliIn(
      directory,
      '--adapter',
      adapterPath('camel-case-client-id.ts'),
      '--filter',
      stored.case,
      '--seed',
      String(stored.seed),
      '--replay',
      stored.path,
      '--no-redact',
    );
    expect(byPath.code).toBe(1);
    expect(counterexample(byPath.stdout)).toBe(counterexample(first.stdout));
  });

  it('replays a fixture by its id', async () => {
    const { code, stdout } = await cli('--adapter', adapterPath('camel-case-client-id.ts'), '--filter', 'RevokeTokenSuccessEmptyObject');
    expect(code).toBe(1);
    expect(stdout).toMatch(/1 failed/);
    expect(stdout).toMatch(/\(1 cases/);
  });

  it('carries the flags that change a verdict into the stored failure, and leaves out those that only shape the output', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'replay-'));
    const { code, stdout } = await cliIn(
      directory,
      '--adapter',
      adapterPath('camel-case-client-id.ts'),
      '--filter',
      'RevokeTokenSuccessEmptyObject',
      '--strict',
      '--case-timeout',
      '4000',
      '--revision',
      '2026-02',
      '--verbose',
    );
    expect(code).toBe(1);
    const stored = JSON.parse(readFileSync(join(directory, '.revoketoken-conformance/failures.json'), 'utf8')).failures[replayId(stdout)!];
    expect(stored).toEqual({
      direction: 'client',
      given: ['adapter'],
      flags: { strict: true, 'case-timeout': 4000, revision: '2026-02' },
      case: 'RevokeTokenSuccessEmptyObject',
      // The run's seed draws where the fixture's call was sent: the replay sends it there again.
      seed: expect.any(Number),
      recordedAt: expect.any(String),
    });
  });

  it('an unknown id, or no failures file, is a usage error naming the id and the file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'replay-'));
    const missing = await cliIn(directory, '--replay', '0badc0de');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('0badc0de');
    expect(missing.stderr).toContain(join(directory, '.revoketoken-conformance/failures.json'));
    await cliIn(directory, '--adapter', adapterPath('camel-case-client-id.ts'), '--filter', 'RevokeTokenSuccessEmptyObject');
    const unknown = await cliIn(directory, '--replay', 'deadbeef');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no failure deadbeef in .*failures\.json/);
  });

  it('--replay failed replays every stored failure, says which are fixed and removes them', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'replay-'));
    const camel = adapterPath('camel-case-client-id.ts');
    const first = await cliIn(directory, '--adapter', camel, '--filter', 'RevokeTokenSuccessEmptyObject', '--filter', 'RevokeTokenRequestAllMembers');
    expect(first.code).toBe(1);
    const stillBroken = await cliIn(directory, '--replay', 'failed', '--adapter', camel);
    expect(stillBroken.code).toBe(1);
    expect(stillBroken.stdout).toMatch(/RevokeTokenSuccessEmptyObject: still failing/);
    expect(stillBroken.stdout).toContain('2 still failing, 0 fixed, 0 could not be replayed');
    // The same failures, now judged against a client that gets them right.
    const repaired = await cliIn(directory, '--replay', 'failed', '--adapter', 'aws-sdk-v3');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/RevokeTokenRequestAllMembers: fixed, removed/);
    expect(repaired.stdout).toContain('0 still failing, 2 fixed, 0 could not be replayed');
    expect(JSON.parse(readFileSync(join(directory, '.revoketoken-conformance/failures.json'), 'utf8')).failures).toEqual({});
  });
});
