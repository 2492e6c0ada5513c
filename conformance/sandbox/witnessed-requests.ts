import type { SequenceRecord } from '../run/execute-sequence.ts';
import type { ExecutionRecord } from '../run/run-case.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

/**
 * The requests the harness saw for one case or sequence, as the sandbox's fake service sent
 * each on the sealed channel when it captured it (decisions/0021): those the call sent while it
 * ran, and those that came after it settled.
 */
export interface WitnessedRequests {
  during: CapturedRequest[];
  late: CapturedRequest[];
}

const key = (request: CapturedRequest) => JSON.stringify([request.method, request.url, request.headers, request.body, request.bodyBytes, request.transport]);

function sameRequests(claimed: readonly CapturedRequest[], seen: readonly CapturedRequest[]): boolean {
  if (claimed.length !== seen.length) return false;
  const left = claimed.map(key).sort();
  const right = seen.map(key).sort();
  return left.every((value, index) => value === right[index]);
}

/**
 * A case's record with the requests the harness saw in place of those the record lists. When
 * they differ, something in the sandbox rewrote the record: `breach` says so, and the run fails.
 */
export function withWitnessedRequests(record: ExecutionRecord, seen: WitnessedRequests): { record: ExecutionRecord; breach?: string } {
  const claimedLate = record.afterSettled?.requests.map((late) => late.request) ?? [];
  const honest = sameRequests(record.requests, seen.during) && sameRequests(claimedLate, seen.late);
  const late = honest
    ? record.afterSettled?.requests
    : seen.late.map((request) => ({ request, afterMs: record.afterSettled?.requests.find((claimed) => key(claimed.request) === key(request))?.afterMs ?? 0 }));
  const afterSettled =
    late && late.length > 0
      ? { requests: late, timers: record.afterSettled?.timers ?? [] }
      : record.afterSettled?.timers.length
        ? { requests: [], timers: record.afterSettled.timers }
        : undefined;
  const { afterSettled: _claimed, ...rest } = record;
  return {
    record: { ...rest, requests: seen.during, ...(afterSettled ? { afterSettled } : {}) },
    ...(honest
      ? {}
      : {
          breach: `the record of the call listed ${record.requests.length + claimedLate.length} request(s), but the harness saw ${seen.during.length + seen.late.length} (the record was rewritten inside the sandbox)`,
        }),
  };
}

/** A sequence's record checked against what the harness saw: every request it lists, to calls or to none, and nothing else. */
export function checkSequenceRequests(record: SequenceRecord, seen: WitnessedRequests): string | undefined {
  const claimed = [
    ...record.calls.flatMap((call) => (call ? [...call.requests, ...(call.afterSettled?.requests.map((late) => late.request) ?? [])] : [])),
    ...record.unattributed,
  ];
  if (sameRequests(claimed, [...seen.during, ...seen.late])) return undefined;
  return `the record of the sequence listed ${claimed.length} request(s), but the harness saw ${seen.during.length + seen.late.length} (the record was rewritten inside the sandbox)`;
}
