import type { Adapter, AdapterCapabilities } from '../adapters/contract.ts';
import { describeInputChange } from '../checks/caller-input.ts';
import type { AfterSettled, ClientCheck, Observation, Outcome } from '../checks/check.ts';
import type { Case } from '../fixtures/case.ts';
import type { Verdict } from '../judging/check.ts';
import { judge } from '../judging/judge.ts';
import { placeEndpoint } from '../model/endpoints.ts';
import { type SensitiveValues, sensitiveMembersOfBody } from '../redaction/redact.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import type { FakeService } from '../wire/fake-service.ts';
import { fixtureResponse } from '../wire/fixture-response.ts';
import { settle, virtualNow } from './clock.ts';
import { rawStackOf } from './crash-stack.ts';
import { describeValue, NotAPromise, outcomeOf } from './outcome.ts';

export { outcomeOf } from './outcome.ts';

// Taken when the harness loads, before any adapter: an adapter that replaces the global cannot
// break the harness's own answers (the sandbox reports the replacement, rule A5).
const HarnessResponse = globalThis.Response;

/**
 * What running one case produced, before any judging: plain data (structured-clone safe), so
 * an executor in a worker thread can hand it to the judging in the harness's thread.
 */
export interface ExecutionRecord {
  requests: CapturedRequest[];
  /** The endpoint the call was given (`context.endpoint`). */
  endpoint?: string;
  /** What the call left once it settled: requests that arrived after (virtual ms after it settled), fake timers still on the clock. */
  afterSettled?: AfterSettled;
  outcome: Outcome;
  abortedAfterRequests?: number;
  /** Virtual milliseconds from the abort to the settlement (rule A2: promptly). */
  afterAbortMs?: number;
  /** Virtual milliseconds the call took, and how many came after the service's last answer. */
  virtualMs?: number;
  afterLastAnswerMs?: number;
  /** Connection attempts the sandbox's network guard refused during the call. */
  networkAttempts?: string[];
  /** Contract breaches besides the outcome (unhandled rejections, leaked intervals, overwritten globals). */
  faults?: string[];
  /** A crash's raw stack, unredacted plain text (the runner trims it to the user's frames and redacts it). */
  crashStack?: string;
  /** How the input object the call was given differs after it from before it ('' unchanged; rule A9). */
  inputChange?: string;
}

/** Runs cases against one adapter: in this thread, or in a sandbox (conformance/sandbox/). */
export interface CaseExecutor {
  /** `caseTimeoutMs`: the real time this call may take (shrinking shortens it after a hang). */
  execute(c: Case, options: { caseTimeoutMs: number }): Promise<ExecutionRecord>;
}

export interface RunEnvironment {
  adapter: Adapter;
  capabilities: Required<AdapterCapabilities>;
  service: FakeService;
  /** The endpoint and region of a case that does not draw its own (`Case.endpoint`). */
  endpoint: string;
  region: string;
  /**
   * `endpoint` is the harness's loopback socket (a client in another process): a case's drawn
   * endpoint keeps this origin and only brings its path and trailing slash.
   */
  endpointOnLoopback?: boolean;
  checks: readonly ClientCheck[];
  /** Fake the clock during calls (in-process adapters only). */
  fakeTime: boolean;
  caseTimeoutMs: number;
  /** Hand adapters the direct fetch (no interception). */
  offerDirectFetch: boolean;
  /** False for a client built against a revision of the model that signed the call (--revision). */
  unsignedRequired?: boolean;
  /** Where cases run; absent: in this thread, through `adapter` and `service`. */
  executor?: CaseExecutor;
  /**
   * Every case's sensitive values seen so far in the run: for output that cannot be attributed
   * to one case (a client's console output, crash messages), redact with `sensitive.redact`
   * and then `cleanAdapterText` (conformance/redaction/adapter-text.ts).
   */
  sensitive?: SensitiveValues;
}

export type CaseStatus = 'pass' | 'fail' | 'not-applicable';

export interface CaseResult {
  case: Case;
  status: CaseStatus;
  /** For not-applicable cases: why. */
  reason?: string;
  verdicts: Verdict[];
  outcome?: Outcome;
  requestCount: number;
  /** Virtual milliseconds the call took (in-process adapters). */
  virtualMs?: number;
  /**
   * What the client sent in the request bodies' sensitive members, whatever it holds: a token
   * the client cut or changed is as secret as the one it was given, so reports redact these too.
   */
  sentSensitive: string[];
  /** The requests of a failing case, for the report's captured exchange (unredacted: the runner redacts). */
  failedRequests?: CapturedRequest[];
  /** A failing case's crash stack as the call left it (unredacted: the runner trims and redacts). */
  crashStack?: string;
}

/** Why the adapter cannot express this case, or undefined when it can. */
export function notApplicableReason(c: Case, capabilities: Required<AdapterCapabilities>): string | undefined {
  if (c.params.ClientSecret !== undefined && !capabilities.clientSecret) return 'the adapter cannot send ClientSecret';
  if (c.params.RevokeAssociatedSessions !== undefined && !capabilities.revokeAssociatedSessions) return 'the adapter cannot send RevokeAssociatedSessions';
  if (c.mode === 'cancel' && !capabilities.cancellation) return 'the adapter does not declare cancellation';
  return undefined;
}

/** The execution half of a case, in whichever thread the adapter lives: the call, nothing judged. */
export async function executeCase(
  c: Case,
  env: Pick<RunEnvironment, 'adapter' | 'service' | 'endpoint' | 'region' | 'endpointOnLoopback' | 'fakeTime' | 'caseTimeoutMs' | 'offerDirectFetch'> & {
    /** Only a sandbox worker can tell that a call waits on nothing (see SettleOptions). */
    waitsOnNothing?: () => boolean;
  },
): Promise<ExecutionRecord> {
  let releaseHang: () => void = () => {};
  const hang = new Promise<Response>((resolve) => {
    releaseHang = () => resolve(new HarnessResponse(null, { status: 599 }));
  });
  // The virtual time of the last answer: a call must settle soon after it (rule A4).
  let lastAnswerAt: number | undefined;
  const { endpoint, region } = c.endpoint
    ? placeEndpoint(c.endpoint, env.endpointOnLoopback ? env.endpoint : undefined)
    : { endpoint: env.endpoint, region: env.region };
  env.service.begin({
    respond: (_attempt, request) => {
      if (c.response === 'hang') return hang;
      lastAnswerAt = virtualNow();
      return fixtureResponse(c.response, request.transport);
    },
    now: virtualNow,
  });

  // Only cancel-mode cases get a signal: creating one per call is a measurable share of a case.
  const controller = c.mode === 'cancel' ? new AbortController() : undefined;
  let abortedAfterRequests: number | undefined;
  let abortedAt: number | undefined;
  if (controller) {
    env.service.onRequest(() => {
      if (abortedAfterRequests !== undefined) return;
      abortedAfterRequests = env.service.requests.length;
      abortedAt = virtualNow();
      controller.abort(new DOMException('cancelled by the conformance suite', 'AbortError'));
    });
  }

  let requests: CapturedRequest[];
  let settlement: Awaited<ReturnType<typeof settle>>;
  // The caller's object: compared with the case's params once the call is over (rule A9).
  const input = structuredClone(c.params);
  try {
    settlement = await settle(
      () => {
        const returned: unknown = env.adapter.revokeToken(input, {
          endpoint,
          region,
          signal: controller?.signal,
          fetch: env.offerDirectFetch ? env.service.fetch : undefined,
        });
        return isThenable(returned) ? Promise.resolve(returned) : Promise.reject(new NotAPromise(describeValue(returned)));
      },
      {
        fakeTime: env.fakeTime,
        realBudgetMs: env.caseTimeoutMs,
        waitsOnNothing: env.waitsOnNothing,
        onSettled: () => env.service.callSettled(),
        lookAfterSettled: true,
      },
    );
  } finally {
    releaseHang();
    requests = env.service.end();
  }
  const virtualMs = settlement.virtualMs;
  const outcome = outcomeOf(settlement);
  const crashStack =
    outcome.kind === 'rejected' && outcome.error.crash !== undefined && settlement.kind === 'rejected' ? rawStackOf(settlement.error) : undefined;
  const late = env.service.afterSettled.map(({ request, atMs }) => ({ request, afterMs: Math.max(0, atMs - (virtualMs ?? 0)) }));
  const leftTimers = settlement.leftTimers ?? [];
  return {
    requests,
    endpoint,
    ...(late.length > 0 || leftTimers.length > 0 ? { afterSettled: { requests: late, timers: leftTimers } } : {}),
    outcome,
    ...(crashStack !== undefined ? { crashStack } : {}),
    ...(abortedAfterRequests !== undefined ? { abortedAfterRequests } : {}),
    ...(virtualMs !== undefined ? { virtualMs } : {}),
    ...(env.fakeTime && virtualMs !== undefined && abortedAt !== undefined && settlement.kind !== 'unsettled' ? { afterAbortMs: virtualMs - abortedAt } : {}),
    ...(virtualMs !== undefined && lastAnswerAt !== undefined ? { afterLastAnswerMs: virtualMs - lastAnswerAt } : {}),
    inputChange: describeInputChange(c.params as unknown as Record<string, unknown>, input),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/** Judges what one execution produced. */
export function judgeExecution(c: Case, record: ExecutionRecord, env: Pick<RunEnvironment, 'checks' | 'capabilities' | 'unsignedRequired'>): CaseResult {
  const observation: Observation = {
    case: c,
    requests: record.requests,
    outcome: record.outcome,
    capabilities: env.capabilities,
    abortedAfterRequests: record.abortedAfterRequests,
    afterAbortMs: record.afterAbortMs,
    unsignedRequired: env.unsignedRequired,
    virtualMs: record.virtualMs,
    afterLastAnswerMs: record.afterLastAnswerMs,
    networkAttempts: record.networkAttempts,
    faults: record.faults,
    ...(record.endpoint !== undefined ? { endpoint: record.endpoint } : {}),
    ...(record.afterSettled !== undefined ? { afterSettled: record.afterSettled } : {}),
    ...(record.inputChange !== undefined ? { inputChange: record.inputChange } : {}),
  };
  const verdicts = judge(env.checks, observation);
  const failed = verdicts.some((v) => v.status === 'fail');
  return {
    case: c,
    status: failed ? 'fail' : 'pass',
    verdicts,
    outcome: observation.outcome,
    requestCount: record.requests.length,
    ...(record.virtualMs !== undefined ? { virtualMs: record.virtualMs } : {}),
    // Only failing verdicts quote what was sent, so a passing case need not read its bodies again.
    sentSensitive: failed
      ? [...record.requests, ...(record.afterSettled?.requests.map((late) => late.request) ?? [])].flatMap((r) => sensitiveMembersOfBody(r.body))
      : [],
    ...(failed ? { failedRequests: record.requests } : {}),
    ...(failed && record.crashStack !== undefined ? { crashStack: record.crashStack } : {}),
  };
}

/** Drives one case through the adapter and judges what happened. */
export async function runCase(c: Case, env: RunEnvironment): Promise<CaseResult> {
  const reason = notApplicableReason(c, env.capabilities);
  if (reason) return { case: c, status: 'not-applicable', reason, verdicts: [], requestCount: 0, sentSensitive: [] };
  const record = env.executor ? await env.executor.execute(c, { caseTimeoutMs: env.caseTimeoutMs }) : await executeCase(c, env);
  return judgeExecution(c, record, env);
}
