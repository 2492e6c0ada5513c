import type { AdapterCapabilities } from '../adapters/contract.ts';
import type { Case } from '../fixtures/case.ts';
import { type Check, type Finding, type Level, pass } from '../judging/check.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

/** What a call did: resolved, rejected, or did not settle within the suite's bound. */
export type Outcome =
  | { kind: 'resolved'; value: unknown }
  | {
      kind: 'rejected';
      error: {
        name: string;
        message: string;
        statusCode?: number;
        requestId?: string;
        hasMetadata: boolean;
        /**
         * Set when the rejection is not an error the client decoded but code that crashed: a bare
         * TypeError and its kin without metadata, a value that is not an Error, a process client
         * that exited, a sandbox that died. Says what happened; decided where the outcome is formed.
         */
        crash?: string;
      };
    }
  | { kind: 'unsettled'; afterMs: number; detail?: string };

/** How an unsettled call reads in a report. */
export function describeUnsettled(outcome: { afterMs: number; detail?: string }): string {
  return outcome.detail ?? `still pending after ${outcome.afterMs} ms`;
}

/** The client direction's observation: everything a check may look at, after the call is over. */
export interface Observation {
  case: Case;
  requests: readonly CapturedRequest[];
  outcome: Outcome;
  capabilities: Required<AdapterCapabilities>;
  /** For cancel-mode cases: how many requests had arrived when the suite aborted. */
  abortedAfterRequests?: number;
  /** For cancel-mode cases under the fake clock: virtual milliseconds from the abort to the settlement (a client that sleeps out a back-off first shows it here). */
  afterAbortMs?: number;
  /** False when judging a client built against a revision of the model that signed the call. */
  unsignedRequired?: boolean;
  /** Virtual milliseconds the call took (in-process, fake clock), and how many of them came after the last answer. */
  virtualMs?: number;
  afterLastAnswerMs?: number;
  /** Connection attempts the network guard refused during the call (`tcp cognito-idp.us-east-1.amazonaws.com:443`). */
  networkAttempts?: readonly string[];
  /** What the adapter did besides settling that breaks the contract: an unhandled rejection, a leaked interval, an overwritten global. */
  faults?: readonly string[];
  /** The endpoint the call was given (`context.endpoint`): where its requests must go (rule A7). */
  endpoint?: string;
  /** What the call left once it settled (rule A8); absent when it left nothing, or was not looked at. */
  afterSettled?: AfterSettled;
  /**
   * How the object the caller passed differs, once the call settled, from a snapshot taken
   * before it (`ClientSecret was removed`); '' when it is unchanged; absent when not compared (rule A9).
   */
  inputChange?: string;
}

/** What a call left behind once it settled: requests that still arrived, fake timers still on the clock. */
export interface AfterSettled {
  /** Each late request, with the virtual milliseconds between the settlement and its arrival. */
  requests: ReadonlyArray<{ request: CapturedRequest; afterMs: number }>;
  /** The timers left on the fake clock, as `setTimeout 30000 ms`. */
  timers: readonly string[];
  /**
   * The 'abort' listeners left for good on a caller's signal that outlives the call (one the
   * application keeps for many calls): still there after the signal fired, once every call on it
   * had settled. Absent when none were left.
   */
  listeners?: number;
}

/** A check of the client direction. */
export type ClientCheck = Check<Observation>;

/** A rule about every request the client sent; passes vacuously when none was sent. */
export function everyRequest(evaluateOne: (request: CapturedRequest, observation: Observation) => Finding): (observation: Observation) => Finding {
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

/** How the call ended, for the `actual` side of an outcome rule. */
export function describeOutcome(o: Observation): string {
  switch (o.outcome.kind) {
    case 'resolved':
      return 'resolved';
    case 'rejected':
      return `rejected with ${o.outcome.error.name}: ${JSON.stringify(o.outcome.error.message)}`;
    case 'unsettled':
      return describeUnsettled(o.outcome);
  }
}

export const hasRequests = (o: Observation) => o.requests.length > 0;
export const caseLevel = (o: Observation): Level => o.case.level;
export const hasTag = (tag: string) => (o: Observation) => o.case.tags.includes(tag);
/** The service gave an answer the client can act on (not a hang, not an aborted call). */
export const answered = (o: Observation) => o.case.response !== 'hang' && o.case.mode !== 'cancel';
