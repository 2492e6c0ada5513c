import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { CLIENT_SEQUENCES } from '../../conformance/properties/call-sequences.ts';
import { type FixtureWithFile, runSuite } from '../../conformance/run/runner.ts';
import { minimalClient } from '../../conformance/self-test/minimal-client.ts';

let fixtures: FixtureWithFile[];
beforeAll(async () => {
  fixtures = await loadFixtures();
});

async function run(options: { replayPath?: string; seed: number; withFixtures: boolean }) {
  return runSuite({
    adapter: minimalClient({ sharesLastAnswer: true }, 'mutant shares-last-answer'),
    adapterFlags: '--adapter mutant',
    fixtures: options.withFixtures ? fixtures.slice(0, 3) : [],
    properties: [],
    sequences: CLIENT_SEQUENCES,
    strict: false,
    seed: options.seed,
    ...(options.replayPath ? { replayPath: options.replayPath } : {}),
    expectations: [],
    region: 'us-east-1',
    caseTimeoutMs: 1_000,
    redact: true,
    reporters: [],
  });
}

describe('a failing call sequence', () => {
  it('shrinks to a handful of calls, and its replay path runs exactly that sequence again', async () => {
    const first = (await run({ seed: 20261123, withFixtures: true })).results.find((r) => r.id === 'call-sequences')!;
    expect(first.classified.kind).toBe('fail');
    expect(first.calls!.length).toBeLessThanOrEqual(7);
    const replayPath = /--replay (\S+)/.exec(first.replay)![1]!;
    const seed = Number(/--seed (\d+)/.exec(first.replay)![1]);
    expect(replayPath).toContain('~');
    // The replay runs one sequence, the shrunk one, on a fresh client: same calls, same verdicts.
    const again = (await run({ seed, replayPath, withFixtures: false })).results.find((r) => r.id === 'call-sequences')!;
    expect(again.classified.kind).toBe('fail');
    // Only the count of calls served before differs: the replay runs the sequence on a fresh adapter.
    expect(again.calls!.slice(1)).toEqual(first.calls!.slice(1));
    expect(again.calls![0]).toBe('0. the adapter object had served 0 calls of this run before the sequence');
    expect(again.verdicts.filter((v) => v.status === 'fail').map((v) => `${v.check} ${v.actual}`)).toEqual(
      first.verdicts.filter((v) => v.status === 'fail').map((v) => `${v.check} ${v.actual}`),
    );
  });
});
