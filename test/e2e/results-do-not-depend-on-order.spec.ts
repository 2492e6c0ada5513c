import { describe, expect, it } from 'vitest';
import v3 from '../../conformance/adapters/aws-sdk-v3.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { type FixtureWithFile, runSuite } from '../../conformance/run/runner.ts';
import { minimalClient } from '../../conformance/self-test/minimal-client.ts';

async function outcomes(adapter: typeof v3, fixtures: FixtureWithFile[]) {
  const { results } = await runSuite({
    adapter,
    adapterFlags: '--adapter x',
    fixtures,
    properties: [],
    strict: true,
    seed: 1,
    expectations: [],
    region: 'us-east-1',
    caseTimeoutMs: 5_000,
    redact: true,
    inProcess: true,
    reporters: [],
  });
  return Object.fromEntries(results.map((r) => [r.id, { kind: r.classified.kind, verdicts: r.verdicts.map((v) => `${v.check}:${v.status}`) }]));
}

describe('results do not depend on the order of cases', () => {
  it.each([
    ['aws-sdk-v3 (retries, back-off)', v3],
    ['a client with one fault', minimalClient({ nameFromStatus: true }, 'name-from-status')],
  ])('%s: forward, reversed and interleaved runs agree case by case', async (_label, adapter) => {
    const fixtures = await loadFixtures();
    const forward = await outcomes(adapter, fixtures);
    const reversed = await outcomes(adapter, [...fixtures].reverse());
    const interleaved = await outcomes(adapter, fixtures.filter((_, i) => i % 2 === 1).concat(fixtures.filter((_, i) => i % 2 === 0)));
    expect(reversed).toEqual(forward);
    expect(interleaved).toEqual(forward);
  });
});
