import { describe, expect, it } from 'vitest';
import type { Adapter } from '../adapters/contract.ts';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { CallAnswer, CallSequence, ScriptedCall } from '../properties/call-sequence.ts';
import { minimalClient } from '../self-test/minimal-client.ts';
import { FakeService } from '../wire/fake-service.ts';
import { executeSequence } from './execute-sequence.ts';
import { judgeSequence } from './judge-sequence.ts';

const CAPABILITIES = { clientSecret: true, revokeAssociatedSessions: true, cancellation: true, retries: false, maxAttempts: 1 };
const ok: CallAnswer = {
  label: '200 {}',
  level: 'must',
  tags: [],
  response: { code: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{}' },
  expect: { outcome: 'success' },
};
const hang: CallAnswer = { label: 'never', level: 'must', tags: [], response: 'hang', expect: { outcome: 'error' } };
const at = (n: number, region = 'us-east-1') => `https://cognito-idp.${region}.amazonaws.com/q${n}/`;
const call = (n: number, extra: Partial<ScriptedCall> = {}): ScriptedCall => ({ input: 0, endpoint: at(n), region: 'us-east-1', answer: ok, ...extra });
const INPUT = { Token: 'fake-token-1', ClientId: 'fakeclient1', ClientSecret: 'fakesecretoftwentyfourchars' };

async function run(adapter: Adapter, sequence: CallSequence) {
  const record = await executeSequence(sequence, { adapter, service: new FakeService(), fakeTime: true, caseTimeoutMs: 2_000, offerDirectFetch: true });
  const judged = judgeSequence('s', sequence, record, {
    checks: CLIENT_CHECKS,
    capabilities: { ...CAPABILITIES, ...adapter.capabilities, maxAttempts: adapter.capabilities?.maxAttempts ?? 1 },
    origin: { kind: 'property', property: 's', seed: 0, path: '' },
  });
  const failures = judged.calls.flatMap((c) => c.verdicts.filter((v) => v.status === 'fail').map((v) => `call ${c.call + 1} ${v.check}: ${v.actual}`));
  return { record, failures: [...failures, ...judged.sequenceVerdicts.map((v) => `${v.check}: ${v.actual}`)] };
}

describe('executeSequence', () => {
  it('gives every call of overlapping calls its own requests, and passes the very same input object again', async () => {
    const seen: object[] = [];
    const client = minimalClient();
    const adapter: Adapter = {
      ...client,
      revokeToken: (input, context) => {
        seen.push(input);
        return client.revokeToken(input, context);
      },
    };
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [call(1), call(2, { endpoint: at(2, 'eu-west-1'), region: 'eu-west-1' }), call(3)],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'start', call: 1 },
        { kind: 'start', call: 2 },
        { kind: 'await', call: 1 },
        { kind: 'await', call: 0 },
        { kind: 'await', call: 2 },
      ],
    };
    const { record, failures } = await run(adapter, sequence);
    expect(failures).toEqual([]);
    expect(record.calls.map((c) => c?.requests.map((r) => r.url))).toEqual([[at(1)], [at(2, 'eu-west-1')], [at(3)]]);
    expect(seen[0]).toBe(seen[1]);
    expect(record.calls.map((c) => c?.inputChange)).toEqual(['', '', '']);
  });

  it('attributes a request sent to another call’s endpoint by its Token, and A7 names both places', async () => {
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [call(1), call(2)],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'await', call: 0 },
        { kind: 'start', call: 1 },
        { kind: 'await', call: 1 },
      ],
    };
    const { record, failures } = await run(minimalClient({ cachesFirstEndpoint: true }), sequence);
    expect(record.misrouted).toEqual([`call 2 sent a request to ${at(1)}`]);
    expect(failures).toEqual([expect.stringMatching(new RegExp(`^call 2 A7: .*${at(1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`))]);
  });

  it('judges the caller’s input after each call (A9), naming the member', async () => {
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [call(1), call(2)],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'await', call: 0 },
        { kind: 'start', call: 1 },
        { kind: 'await', call: 1 },
      ],
    };
    const { failures } = await run(minimalClient({ deletesSecretAfterUse: true }), sequence);
    expect(failures).toContain('call 1 A9: ClientSecret was removed by the call');
    // The second call was given the object without it: what it sent is what it was given.
    expect(failures.filter((f) => f.startsWith('call 2'))).toEqual([]);
  });

  it('aborts signals before the call, on a request (shared by two calls) and during back-off; a correct client rejects each and sends nothing after', async () => {
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [
        call(1, { signal: { kind: 'pre-aborted' }, answer: { ...ok, expect: { outcome: 'error' } } }),
        call(2, { signal: { kind: 'on-request', signal: 0 }, answer: hang }),
        call(3, { signal: { kind: 'on-request', signal: 0 }, answer: hang }),
      ],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'await', call: 0 },
        { kind: 'start', call: 1 },
        { kind: 'start', call: 2 },
        { kind: 'await', call: 1 },
        { kind: 'await', call: 2 },
      ],
    };
    const { record, failures } = await run(minimalClient(), sequence);
    expect(failures).toEqual([]);
    expect(record.calls.map((c) => c?.outcome.kind)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(record.calls[0]?.requests).toEqual([]);
    // One signal, two calls: whichever request came first aborted both.
    expect(record.calls[1]!.requests.length + record.calls[2]!.requests.length).toBeGreaterThanOrEqual(1);

    const ignoring = await run(minimalClient({ missesAbortedSignal: true }), { ...sequence, calls: [sequence.calls[0]!], steps: sequence.steps.slice(0, 2) });
    expect(ignoring.failures).toEqual(['call 1 A2: resolved']);
  });

  it('aborts a call while it backs off before a retry', async () => {
    const retrying = minimalClient({ backOffSeconds: 5 }, 'backs off', { retries: true });
    const answer500: CallAnswer = {
      label: '500',
      level: 'must',
      tags: [],
      response: { code: 500, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{"__type":"InternalErrorException","message":"x"}' },
      expect: { outcome: 'error' },
    };
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [call(1, { signal: { kind: 'in-backoff' }, answer: answer500 })],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'await', call: 0 },
      ],
    };
    const { record, failures } = await run(retrying, sequence);
    expect(failures).toEqual([]);
    expect(record.calls[0]).toMatchObject({ abortedAfterRequests: 1, afterAbortMs: 0, outcome: { kind: 'rejected' } });
    expect(record.calls[0]?.requests).toHaveLength(1);

    // Deaf to the abort while it waits: it sends nothing more, but rejects only when its 1 s back-off ends.
    const deaf = await run(minimalClient({ backOffDeafToAbort: true }), sequence);
    expect(deaf.record.calls[0]).toMatchObject({ abortedAfterRequests: 1, afterAbortMs: 1000, outcome: { kind: 'rejected' } });
    expect(deaf.failures).toEqual(['call 1 A2: rejected 1000 ms (virtual) after the abort: the client waited on a timer first']);
  });
  it('aborts a long-lived signal once every call has settled, and judges what a call sends then under A8', async () => {
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [call(1, { signal: { kind: 'long-lived', signal: 0 } }), call(2, { signal: { kind: 'long-lived', signal: 0 } })],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'start', call: 1 },
        { kind: 'await', call: 0 },
        { kind: 'await', call: 1 },
      ],
    };
    const correct = await run(minimalClient(), sequence);
    expect(correct.failures).toEqual([]);
    expect(correct.record.calls.map((c) => c?.outcome.kind)).toEqual(['resolved', 'resolved']);

    // Each call left a listener that sends again on the abort: each late request is its own call's, not an unowned one.
    const leaving = await run(minimalClient({ resendsOnLateAbort: true }), sequence);
    expect(leaving.record.unattributed).toEqual([]);
    expect(leaving.record.calls.map((c) => c?.afterSettled?.requests.length)).toEqual([1, 1]);
    const leftTwo = "left 2 'abort' listeners on the caller's signal, which outlives the call (the application keeps it for many calls)";
    expect(leaving.failures).toEqual([
      `call 1 A8: a request arrived 0 ms (virtual) after the call settled; ${leftTwo}`,
      `call 2 A8: a request arrived 0 ms (virtual) after the call settled; ${leftTwo}`,
    ]);
  });

  it('counts the listeners calls leave on a long-lived signal, even ones that would do nothing when it fires', async () => {
    const client = minimalClient();
    const leaking: Adapter = {
      ...client,
      revokeToken: (input, context) => {
        context.signal?.addEventListener('abort', () => {});
        return client.revokeToken(input, context);
      },
    };
    const tidy: Adapter = {
      ...client,
      revokeToken: async (input, context) => {
        const onAbort = () => {};
        context.signal?.addEventListener('abort', onAbort);
        try {
          return await client.revokeToken(input, context);
        } finally {
          context.signal?.removeEventListener('abort', onAbort);
        }
      },
    };
    const sequence: CallSequence = {
      inputs: [INPUT],
      calls: [call(1, { signal: { kind: 'long-lived', signal: 0 } }), call(2)],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'await', call: 0 },
        { kind: 'start', call: 1 },
        { kind: 'await', call: 1 },
      ],
    };
    expect((await run(tidy, sequence)).failures).toEqual([]);
    const leaked = await run(leaking, sequence);
    expect(leaked.record.calls[0]?.afterSettled).toEqual({ requests: [], timers: [], listeners: 1 });
    expect(leaked.failures).toEqual([
      "call 1 A8: left 1 'abort' listener on the caller's signal, which outlives the call (the application keeps it for many calls)",
    ]);
  });
});
