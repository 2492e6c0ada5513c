import type { AdapterCapabilities } from '../adapters/contract.ts';
import type { Case, Level } from '../run/case.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

/** What a call did: resolved, rejected, or did not settle within the suite's bound. */
export type Outcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; error: { name: string; message: string; statusCode?: number; requestId?: string; hasMetadata: boolean } }
  | { kind: 'unsettled'; afterMs: number; detail?: string };

/** How an unsettled call reads in a report. */
export function describeUnsettled(outcome: { afterMs: number; detail?: string }): string {
  return outcome.detail ?? `still pending after ${outcome.afterMs} ms`;
}

/** Everything a check may look at, after the call is over. */
export interface Observation {
  case: Case;
  requests: readonly CapturedRequest[];
  outcome: Outcome;
  capabilities: Required<AdapterCapabilities>;
  /** For cancel-mode cases: how many requests had arrived when the suite aborted. */
  abortedAfterRequests?: number;
  /** False when judging a client built against a revision of the model that signed the call. */
  unsignedRequired?: boolean;
}

export type Finding = { ok: true } | { ok: false; expected: string; actual: string };

/**
 * A rule the suite enforces. `id` is the rule's number in the checklist of
 * shared protocol research (C1..C26) or, for harness-level rules, A1..A4 and F1.
 */
export interface Check {
  id: string;
  title: string;
  /** Where the rule comes from (spec section, Smithy test id, model trait). */
  source: string;
  /** The level of a failure: fixed for wire rules, the case's own level for outcome rules. */
  level(observation: Observation): Level;
  /** Where one check judges several rules: the rule (id and title) this observation falls under. */
  ruleFor?(observation: Observation): readonly [id: string, title: string];
  appliesTo(observation: Observation): boolean;
  evaluate(observation: Observation): Finding;
}

export interface Verdict {
  check: string;
  title: string;
  level: Level;
  status: 'pass' | 'fail';
  expected?: string;
  actual?: string;
}

export const pass: Finding = { ok: true };
export function fail(expected: string, actual: string): Finding {
  return { ok: false, expected, actual };
}

/** A rule about every request the client sent; passes vacuously when none was sent. */
export function everyRequest(
  evaluateOne: (request: CapturedRequest, observation: Observation) => Finding,
): (observation: Observation) => Finding {
  return (observation) => {
    for (const [index, request] of observation.requests.entries()) {
      const finding = evaluateOne(request, observation);
      if (!finding.ok) {
        const where = observation.requests.length > 1 ? ` (request ${index + 1} of ${observation.requests.length})` : '';
        return { ...finding, actual: `${finding.actual}${where}` };
      }
    }
    return pass;
  };
}

export const hasRequests = (o: Observation) => o.requests.length > 0;
export const caseLevel = (o: Observation): Level => o.case.level;
export const hasTag = (tag: string) => (o: Observation) => o.case.tags.includes(tag);
