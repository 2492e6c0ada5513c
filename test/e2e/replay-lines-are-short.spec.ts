import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/self-test/broken-servers.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { type LoopbackServer, startLoopbackServer } from '../../conformance/wire/loopback-server.ts';
import { adapterPath, cliIn } from './cli-harness.ts';

// A process client that answers without sending any request: every case fails, out of process.
const silentProcessClient = fileURLToPath(new URL('../../conformance/adapters/process-agent/test-fixtures/well-behaved.mjs', import.meta.url));

// The replay line of each case's own block (the roll-up by rule above them repeats one per rule).
const replayLines = (text: string) => text.split('\n').filter((line) => /^ {2}replay: /.test(line));
const idOf = (line: string) => /--replay ([0-9a-f]{8})$/.exec(line)?.[1];
/** The failing rules and counterexample of the case a replay line belongs to. */
function failureOf(stdout: string, id: string): string {
  const blocks = stdout.split('\n\n').filter((block) => block.startsWith('FAIL') && block.includes(`--replay ${id}`));
  expect(blocks).toHaveLength(1);
  return blocks[0]!
    .split('\n')
    .filter((line) => /^ {4}[A-Z]\d+ \[|counterexample|^FAIL/.test(line))
    .map((line) => line.replace(/counterexample \([^)]*\)/, 'counterexample'))
    .join('\n');
}

const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('every replay line is short and replays its failure by id', () => {
  it('a client that alters long tokens: in-process, every case failing, in strict mode', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'short-replay-'));
    const first = await cliIn(
      directory,
      '--adapter',
      adapterPath('alters-the-token.ts'),
      '--seed',
      '7',
      '--strict',
      // Unredacted, so that the counterexamples can be compared value for value (they are generated fakes).
      '--no-redact',
      // Every case in its own block, so each shows its own replay line.
      '--verbose',
      '--reporter',
      'human',
      '--reporter',
      `json=${join(directory, 'out.json')}`,
    );
    expect(first.code).toBe(1);
    const lines = replayLines(first.stdout);
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(200);
    const json = JSON.parse(readFileSync(join(directory, 'out.json'), 'utf8')) as { results: Array<{ replay: string; classified: { kind: string } }> };
    for (const r of json.results.filter((r) => r.classified.kind === 'fail')) expect(r.replay.length, r.replay).toBeLessThanOrEqual(200);

    // The property failure (a shrunk 16 KB token) and a fixture, each replayed by id alone.
    const property = lines.find((line) => first.stdout.split('\n\n').some((b) => b.includes(line) && b.includes('FAIL property request-wire')))!;
    const fixture = lines.find((line) => first.stdout.split('\n\n').some((b) => b.includes(line) && b.includes('FAIL fixture')))!;
    for (const line of [property, fixture]) {
      const id = idOf(line)!;
      // The failures file keeps no module path: the adapter is named again.
      const again = await cliIn(directory, '--replay', id, '--adapter', adapterPath('alters-the-token.ts'), '--no-redact');
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/ 1 failed/);
      expect(failureOf(again.stdout, id)).toBe(failureOf(first.stdout, id));
    }
  });

  it('a process client', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'short-replay-'));
    const command = `node ${silentProcessClient}`;
    const first = await cliIn(
      directory,
      '--command',
      command,
      '--filter',
      'request-wire',
      '--filter',
      'RevokeTokenSuccessEmptyObject',
      '--seed',
      '3',
      '--runs',
      '5',
      '--verbose',
    );
    expect(first.code).toBe(1);
    const lines = replayLines(first.stdout);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.length, line).toBeLessThanOrEqual(200);
      const id = idOf(line)!;
      // The failures file keeps no command: the client is named again.
      const again = await cliIn(directory, '--replay', id, '--command', command);
      expect(again.code).toBe(1);
      expect(failureOf(again.stdout, id)).toBe(failureOf(first.stdout, id));
    }
  });

  it("a server's generated case", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'short-replay-'));
    const broken = BROKEN_SERVERS.find((b) => b.name === 'accepts-a-missing-token')!;
    const server = await startLoopbackServer(broken.wrap(createReferenceService()), { closeGraceMs: 50 });
    servers.push(server);
    const first = await cliIn(directory, '--server', server.url, '--filter', 'constraint-Token-required', '--seed', '1');
    expect(first.code).toBe(1);
    const lines = replayLines(first.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThanOrEqual(200);
    const id = idOf(lines[0]!)!;
    // The failures file keeps no URL: the server is named again.
    const again = await cliIn(directory, '--replay', id, '--server', server.url);
    expect(again.code).toBe(1);
    expect(failureOf(again.stdout, id)).toBe(failureOf(first.stdout, id));
  });
});
