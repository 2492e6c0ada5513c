import type { AdapterCapabilities } from '../adapters/contract.ts';
import type { ClientCheck, Observation } from '../checks/check.ts';
import type { Case } from '../fixtures/case.ts';
import type { Verdict } from '../judging/check.ts';
import { judge } from '../judging/judge.ts';
import type { CallSequence } from '../properties/call-sequence.ts';
import { ruleById } from '../rules/registry.ts';
import type { SequenceRecord } from './execute-sequence.ts';

/** One judged call of a sequence. */
export interface JudgedCall {
  call: number;
  case: Case;
  verdicts: Verdict[];
}

/**
 * Every rule judges every call: one Observation per call, built from the requests the model
 * attributed to it, the endpoint it was given and how its input fared, judged by the same
 * checks as a fixture. Requests no call could own fail C2 on their own line.
 */
export function judgeSequence(
  id: string,
  sequence: CallSequence,
  record: SequenceRecord,
  env: { checks: readonly ClientCheck[]; capabilities: Required<AdapterCapabilities>; unsignedRequired?: boolean | undefined; origin: Case['origin'] },
): { calls: JudgedCall[]; sequenceVerdicts: Verdict[] } {
  const calls: JudgedCall[] = [];
  for (const [index, call] of record.calls.entries()) {
    if (!call) continue;
    const plan = sequence.calls[index]!;
    const c: Case = {
      id: `${id} call ${index + 1}`,
      level: plan.answer.level,
      tags: plan.answer.tags,
      params: call.given as Case['params'],
      response: plan.answer.response,
      expect: plan.answer.expect,
      // A signal the suite never got to abort (a client that never backed off, or never sent) leaves an ordinary call.
      mode: plan.signal && call.abortedAfterRequests !== undefined ? 'cancel' : 'call',
      origin: env.origin,
    };
    const observation: Observation = {
      case: c,
      requests: call.requests,
      outcome: call.outcome,
      capabilities: env.capabilities,
      abortedAfterRequests: call.abortedAfterRequests,
      afterAbortMs: call.afterAbortMs,
      unsignedRequired: env.unsignedRequired,
      virtualMs: call.virtualMs,
      afterLastAnswerMs: call.afterLastAnswerMs,
      networkAttempts: call.networkAttempts,
      faults: call.faults,
      endpoint: plan.endpoint,
      inputChange: call.inputChange,
      ...(call.afterSettled !== undefined ? { afterSettled: call.afterSettled } : {}),
    };
    calls.push({ call: index, case: c, verdicts: judge(env.checks, observation) });
  }
  const sequenceVerdicts: Verdict[] = record.unattributed.map((request) => ({
    check: 'C2',
    title: ruleById('C2').title,
    level: 'must',
    status: 'fail',
    expected: 'a request to the endpoint of a call in flight',
    actual: `a request to ${request.url} that no call in flight could own`,
  }));
  return { calls, sequenceVerdicts };
}
