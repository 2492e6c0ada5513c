import { describe, expect, it } from 'vitest';
import type { SequenceRecord } from '../run/execute-sequence.ts';
import type { ExecutionRecord } from '../run/run-case.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import { checkSequenceRequests, withWitnessedRequests } from './witnessed-requests.ts';

const sent = (body: string): CapturedRequest => ({
  method: 'POST',
  url: 'https://cognito-idp.us-east-1.amazonaws.com/',
  headers: {},
  body,
  bodyBytes: body.length,
  transport: 'intercepted',
});
const record = (requests: CapturedRequest[], late: CapturedRequest[] = []): ExecutionRecord => ({
  requests,
  outcome: { kind: 'resolved', value: {} },
  ...(late.length > 0 ? { afterSettled: { requests: late.map((request) => ({ request, afterMs: 7 })), timers: [] } } : {}),
});

describe('the requests judged are those the harness saw', () => {
  it('an honest record is kept as it is, late requests and their times included', () => {
    const honest = record([sent('a'), sent('b')], [sent('c')]);
    expect(withWitnessedRequests(honest, { during: [sent('a'), sent('b')], late: [sent('c')] })).toEqual({ record: honest });
  });

  it('a record that hides, adds or changes a request is replaced by what the harness saw, and is a breach', () => {
    const seen = { during: [sent('{"Token":"wrong"}')], late: [] };
    for (const claimed of [record([]), record([sent('{"Token":"right"}')]), record([sent('{"Token":"wrong"}'), sent('x')])]) {
      const checked = withWitnessedRequests(claimed, seen);
      expect(checked.record.requests).toEqual(seen.during);
      expect(checked.breach).toMatch(/the record was rewritten inside the sandbox/);
    }
    // A late request the record moved into the call (or dropped) is one too.
    const moved = withWitnessedRequests(record([sent('a'), sent('b')]), { during: [sent('a')], late: [sent('b')] });
    expect(moved.breach).toBeDefined();
    expect(moved.record.afterSettled?.requests.map((late) => late.request.body)).toEqual(['b']);
  });

  it('a sequence must list every request the harness saw, to a call or to none, and nothing else', () => {
    const sequence = (unattributed: CapturedRequest[]): SequenceRecord => ({
      calls: [{ requests: [sent('a')], outcome: { kind: 'resolved', value: {} }, inputChange: '', given: {} }, undefined],
      unattributed,
      misrouted: [],
    });
    expect(checkSequenceRequests(sequence([sent('b')]), { during: [sent('b'), sent('a')], late: [] })).toBeUndefined();
    expect(checkSequenceRequests(sequence([]), { during: [sent('b'), sent('a')], late: [] })).toMatch(/listed 1 request\(s\), but the harness saw 2/);
  });
});
