import { describe, expect, it } from 'vitest';
import type { Adapter } from '../adapters/contract.ts';
import { CLIENT_SEQUENCES } from '../properties/call-sequences.ts';
import { modeledErrors, requestWire, successUnknownMembers } from '../properties/client-properties.ts';
import type { PropertyDefinition } from '../properties/property.ts';
import { minimalClient } from '../self-test/minimal-client.ts';
import { type PropertyBudget, runSuite } from './runner.ts';

function counting(adapter: Adapter): Adapter & { calls: number } {
  const counted = {
    ...adapter,
    calls: 0,
    revokeToken: (input: Parameters<Adapter['revokeToken']>[0], context: Parameters<Adapter['revokeToken']>[1]) => {
      counted.calls += 1;
      return adapter.revokeToken(input, context);
    },
  };
  return counted;
}

function run(adapter: Adapter, properties: readonly PropertyDefinition[], budget: Partial<PropertyBudget> = {}, runs?: number) {
  return runSuite({
    adapter,
    adapterFlags: '--adapter test',
    fixtures: [],
    properties,
    strict: false,
    seed: 42,
    ...(runs ? { runs } : {}),
    expectations: [],
    region: 'us-east-1',
    caseTimeoutMs: 1_000,
    redact: true,
    inProcess: true,
    reporters: [],
    budget,
  });
}

describe('every property is bounded, whatever the client does', () => {
  it('a slow but correct client: the runs stop at the time budget, are counted, and the property passes', async () => {
    const correct = minimalClient();
    const slow: Adapter = {
      ...correct,
      // Real time, not a timer: the fake clock would skip a timer.
      revokeToken: (input, context) => {
        const until = performance.now() + 20;
        while (performance.now() < until);
        return correct.revokeToken(input, context);
      },
    };
    const { results } = await run(slow, [requestWire], { runMs: 100 });
    expect(results[0]!.classified.kind).toBe('pass');
    expect(results[0]!.runs).toBeGreaterThan(0);
    expect(results[0]!.runs).toBeLessThan(requestWire.runs);
    expect(results[0]!.stopped).toMatch(/^time budget: \d+ runs in 0.1 s/);
  });

  it('shrinking stops after the step bound, at the smallest failure so far', async () => {
    const client = counting(minimalClient({ upperCaseToken: true }));
    const { results } = await run(client, [requestWire], { shrinkSteps: 3 });
    expect(results[0]!.classified.kind).toBe('fail');
    // The first run fails (nearly every token has a lower-case letter), then three shrink steps.
    expect(client.calls).toBeLessThanOrEqual((results[0]!.runs ?? 0) + 3);
    expect(results[0]!.stopped).toMatch(/^shrink bound/);
  });

  it('a rule already shrunk in the run is not shrunk again by a later property', async () => {
    const { results } = await run(minimalClient({ upperCaseToken: true }), [requestWire, successUnknownMembers]);
    expect(results.map((r) => r.classified.kind)).toEqual(['fail', 'fail']);
    expect(results[0]!.stopped ?? '').not.toMatch(/not shrunk/);
    expect(results[1]!.stopped).toBe('not shrunk: C8 already failed in request-wire');
    expect(results[1]!.runs).toBe(1);
  });

  it('the summary says where the time went: client, harness and virtual back-off', async () => {
    // Retrying every error after 3 s: the back-off is virtual, skipped by the fake clock, and counted.
    const { summary, results } = await run(minimalClient({ retryEverything: true, backOffSeconds: 3 }), [modeledErrors], {}, 10);
    expect(results[0]!.runs).toBe(10);
    expect(summary.timing!.backoffMs).toBe(10 * 3_000);
    expect(results[0]!.timing!.backoffMs).toBe(10 * 3_000);
    expect(summary.timing!.clientMs).toBeGreaterThan(0);
    expect(summary.timing!.clientMs + summary.timing!.harnessMs).toBeGreaterThanOrEqual(summary.durationMs - 1);
  });
});

describe('call sequences in a run', () => {
  const suite = (adapter: Adapter, inProcess: boolean, budget: Partial<PropertyBudget> = {}) =>
    runSuite({
      adapter,
      adapterFlags: '--adapter test',
      fixtures: [],
      properties: [],
      sequences: CLIENT_SEQUENCES,
      strict: false,
      seed: 42,
      runs: 5,
      expectations: [],
      region: 'us-east-1',
      caseTimeoutMs: 1_000,
      redact: true,
      inProcess,
      reporters: [],
      budget,
    });

  it('are not applicable to a client in another process, and say why', async () => {
    const { results } = await suite(minimalClient(), false);
    expect(results[0]?.classified).toEqual({
      kind: 'not-applicable',
      reason: 'sequences run in-process clients only: a client process (protocol 1) takes one call at a time',
    });
  });

  it('run on one adapter object, and a failure shrinks within the shrink bound', async () => {
    const client = counting(minimalClient({ cachesFirstEndpoint: true }));
    const { results } = await suite(client, true, { shrinkSteps: 3 });
    expect(results[0]?.classified.kind).toBe('fail');
    expect(results[0]?.stopped).toBe('shrink bound: the smallest failure after 3 shrink steps');
    expect(client.calls).toBeGreaterThan(1);
  });
});
