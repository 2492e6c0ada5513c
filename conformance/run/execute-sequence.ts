import { getEventListeners } from 'node:events';
import type { Adapter } from '../adapters/contract.ts';
import { describeInputChange } from '../checks/caller-input.ts';
import type { AfterSettled } from '../checks/check.ts';
import type { CallSequence, ScriptedCall } from '../properties/call-sequence.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import type { FakeService } from '../wire/fake-service.ts';
import { fixtureResponse } from '../wire/fixture-response.ts';
import { type Settlement, settle, virtualNow } from './clock.ts';
import { describeValue, NotAPromise, outcomeOf } from './outcome.ts';
import type { ExecutionRecord } from './run-case.ts';

const HarnessResponse = globalThis.Response;

/** What one sequence produced: a record per call (absent for a call that never started), plain data. */
export interface SequenceRecord {
  calls: Array<(ExecutionRecord & { inputChange: string; given: Record<string, unknown> }) | undefined>;
  /** Requests the suite could attribute to no call (no call's path, no call's Token). */
  unattributed: CapturedRequest[];
  /** Requests that reached another call's endpoint, attributed to their call by Token: `call 2 sent to …/q1/`. */
  misrouted: string[];
  /** Contract breaches during the sequence that belong to no one call (unhandled rejections, leaked intervals...). */
  faults?: string[];
  /** Connection attempts the sandbox's network guard refused during the sequence. */
  networkAttempts?: string[];
  /** Set when the sequence could not run at all (the sandbox died, the run's watchdog refused it). */
  problem?: string;
}

/** The per-call bookkeeping while a sequence runs. */
interface CallState {
  readonly plan: ScriptedCall;
  requests: CapturedRequest[];
  started: boolean;
  settled?: Settlement<unknown>;
  startedAt: number;
  settledAt?: number;
  lastAnswerAt?: number;
  controller?: AbortController;
  abortedAfterRequests?: number;
  /** Virtual time of the abort the call saw (its start for a signal aborted before it). */
  abortedAt?: number;
  before?: Record<string, unknown>;
  done?: Promise<void>;
  /** Requests of the call that arrived once it had settled (rule A8), with the virtual ms since. */
  late: Array<{ request: CapturedRequest; afterMs: number }>;
}

/** Event-loop turns the suite gives a client after it aborts the long-lived signals: what a listener left on one sends arrives within them. */
const TURNS_AFTER_LATE_ABORT = 5;

/** Runs sequences where the adapter lives (the sandbox worker); absent, they run in this thread. */
export interface SequenceExecutor {
  /** `caseTimeoutMs` bounds the whole sequence. */
  executeSequence(sequence: CallSequence, options: { caseTimeoutMs: number }): Promise<SequenceRecord>;
}

export type SequenceEnvironment = {
  adapter: Adapter;
  service: FakeService;
  fakeTime: boolean;
  caseTimeoutMs: number;
  offerDirectFetch: boolean;
  waitsOnNothing?: () => boolean;
};

/** The call a request path names (`/q3/` is call 3, index 2), if any. */
function callOfPath(url: string): number | undefined {
  const match = /^\/q(\d+)(?:\/|$)/.exec(new URL(url).pathname);
  return match ? Number(match[1]) - 1 : undefined;
}

function tokenOf(request: CapturedRequest): unknown {
  try {
    return (JSON.parse(request.body) as { Token?: unknown }).Token;
  } catch {
    return undefined;
  }
}

/**
 * Runs one sequence against one adapter object, in whichever thread it lives: every call of it
 * under one fake clock, the service answering each request for the call it belongs to. Nothing
 * is judged here (see judgeSequence).
 */
export async function executeSequence(sequence: CallSequence, env: SequenceEnvironment): Promise<SequenceRecord> {
  // The objects the caller passes: a call that names an input again gets this very object.
  const inputs = sequence.inputs.map((input) => structuredClone(input) as Record<string, unknown>);
  const calls: CallState[] = sequence.calls.map((plan) => ({ plan, requests: [], started: false, startedAt: 0, late: [] }));
  const signals = new Map<number, AbortController>();
  // Signals aborted only once every call has settled (SignalPlan `long-lived`).
  const longLived = new Set<AbortController>();
  // The 'abort' listeners still on each long-lived signal after it fired. A listener added with
  // `once` is gone by then, and so is one a call removed; what is left was added for good by a
  // call that is over. (Counting before the abort would also find the `once` listeners Node's own
  // fetch leaves until garbage collection, which no event tells the suite about.)
  const listenersLeft = new Map<AbortController, number>();
  const unattributed: CapturedRequest[] = [];
  const misrouted: string[] = [];
  let releaseHang: () => void = () => {};
  const hang = new Promise<Response>((resolve) => {
    releaseHang = () => resolve(new HarnessResponse(null, { status: 599 }));
  });

  const holders = (controller: AbortController) => calls.filter((c) => c.started && c.controller === controller);
  const abort = (controller: AbortController) => {
    if (controller.signal.aborted) return;
    for (const holder of holders(controller)) {
      holder.abortedAfterRequests ??= holder.requests.length;
      holder.abortedAt ??= virtualNow();
    }
    controller.abort(new DOMException('cancelled by the conformance suite', 'AbortError'));
  };
  // A shared signal is aborted once every call in flight that holds it has sent its request: a
  // request already on its way when a sibling's abort came is no request "after the abort".
  const abortOnceAllSent = (controller: AbortController) => {
    const waiting = holders(controller).filter((c) => c.settled === undefined);
    if (waiting.length > 0 && waiting.every((c) => c.requests.length > 0)) abort(controller);
  };
  /** The call a request belongs to: the one its path names while in flight with its Token, else the in-flight call with its Token. */
  const attribute = (request: CapturedRequest): CallState | undefined => {
    const inFlight = calls.filter((c) => c.started && c.settled === undefined);
    const token = tokenOf(request);
    const named = callOfPath(request.url);
    const byPath = named === undefined ? undefined : calls[named];
    const holdsToken = (c: CallState) => token === undefined || inputs[c.plan.input]?.Token === token || c.before?.Token === token;
    if (byPath && inFlight.includes(byPath) && holdsToken(byPath)) return byPath;
    const byToken = inFlight.filter(holdsToken).sort((a, b) => a.requests.length - b.requests.length)[0];
    if (byToken) misrouted.push(`call ${calls.indexOf(byToken) + 1} sent a request to ${request.url}`);
    return byToken;
  };
  /** With no call in flight to own it: the settled call whose path and Token the request carries, which sent it late. */
  const settledOwner = (request: CapturedRequest): CallState | undefined => {
    const named = callOfPath(request.url);
    const call = named === undefined ? undefined : calls[named];
    const token = tokenOf(request);
    if (!call || call.settled === undefined) return undefined;
    return token === undefined || inputs[call.plan.input]?.Token === token || call.before?.Token === token ? call : undefined;
  };

  env.service.begin({
    respond: (_attempt, request) => {
      const call = attribute(request);
      const lateOf = call ? undefined : settledOwner(request);
      if (lateOf) {
        lateOf.late.push({ request, afterMs: Math.max(0, virtualNow() - (lateOf.settledAt ?? 0)) });
        return new HarnessResponse(JSON.stringify({ __type: 'HarnessError', message: 'the call had settled' }), { status: 599 });
      }
      if (!call) {
        unattributed.push(request);
        return new HarnessResponse(JSON.stringify({ __type: 'HarnessError', message: 'the request belongs to no call in flight' }), { status: 599 });
      }
      call.requests.push(request);
      if (call.plan.signal?.kind === 'on-request' && call.controller) abortOnceAllSent(call.controller);
      if (call.plan.answer.response === 'hang') return hang;
      call.lastAnswerAt = virtualNow();
      return fixtureResponse(call.plan.answer.response, request.transport);
    },
  });

  const start = (index: number) => {
    const call = calls[index]!;
    const { plan } = call;
    const input = inputs[plan.input]!;
    call.started = true;
    call.startedAt = virtualNow();
    call.before = structuredClone(input);
    if (plan.signal?.kind === 'pre-aborted') {
      call.controller = new AbortController();
      call.controller.abort(new DOMException('aborted before the call', 'AbortError'));
      call.abortedAfterRequests = 0;
      call.abortedAt = call.startedAt;
    } else if (plan.signal?.kind === 'on-request') {
      const shared = signals.get(plan.signal.signal) ?? new AbortController();
      signals.set(plan.signal.signal, shared);
      call.controller = shared;
      if (shared.signal.aborted) {
        call.abortedAfterRequests = 0;
        call.abortedAt = call.startedAt;
      }
    } else if (plan.signal?.kind === 'in-backoff') {
      call.controller = new AbortController();
    } else if (plan.signal?.kind === 'long-lived') {
      const shared = signals.get(plan.signal.signal) ?? new AbortController();
      signals.set(plan.signal.signal, shared);
      longLived.add(shared);
      call.controller = shared;
    }
    let pending: Promise<unknown>;
    try {
      const returned: unknown = env.adapter.revokeToken(input as never, {
        endpoint: plan.endpoint,
        region: plan.region,
        signal: call.controller?.signal,
        fetch: env.offerDirectFetch ? env.service.fetch : undefined,
      });
      pending = isThenable(returned) ? Promise.resolve(returned) : Promise.reject(new NotAPromise(describeValue(returned)));
    } catch (error) {
      pending = Promise.reject(error);
    }
    call.done = pending.then(
      (value) => {
        call.settled = { kind: 'resolved', value };
        call.settledAt = virtualNow();
      },
      (error: unknown) => {
        call.settled = { kind: 'rejected', error };
        call.settledAt = virtualNow();
      },
    );
    if (plan.signal?.kind === 'on-request' && call.controller) {
      const controller = call.controller;
      void call.done.then(() => abortOnceAllSent(controller));
    }
  };

  // Back-off: once a call with an in-backoff signal has had an answer and everything waits on a
  // timer, the signal is aborted before the clock jumps to the retry.
  const beforeClockJump = () => {
    let aborted = false;
    for (const call of calls) {
      if (call.plan.signal?.kind !== 'in-backoff' || !call.controller || call.controller.signal.aborted) continue;
      if (call.started && call.settled === undefined && call.lastAnswerAt !== undefined) {
        abort(call.controller);
        aborted = true;
      }
    }
    return aborted;
  };

  let overall: Settlement<void>;
  try {
    overall = await settle(
      async () => {
        for (const step of sequence.steps) {
          if (step.kind === 'start') start(step.call);
          else await calls[step.call]!.done;
        }
        await Promise.all(calls.map((c) => c.done));
        if (longLived.size === 0) return;
        // Every call has settled: whatever a call left listening on the application's signal must now do nothing.
        for (const controller of longLived) controller.abort(new DOMException('the application shut down', 'AbortError'));
        for (let turn = 0; turn < TURNS_AFTER_LATE_ABORT; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        for (const controller of longLived) listenersLeft.set(controller, getEventListeners(controller.signal, 'abort').length);
      },
      { fakeTime: env.fakeTime, realBudgetMs: env.caseTimeoutMs, waitsOnNothing: env.waitsOnNothing, beforeClockJump },
    );
  } finally {
    releaseHang();
    env.service.end();
  }

  return {
    calls: calls.map((call) => {
      if (!call.started) return undefined;
      const settlement: Settlement<unknown> =
        call.settled ??
        (overall.kind === 'unsettled'
          ? { kind: 'unsettled', afterMs: overall.afterMs, ...(overall.detail !== undefined ? { detail: overall.detail } : {}) }
          : { kind: 'unsettled', afterMs: 0, detail: 'the sequence ended before the call settled' });
      const end = call.settledAt ?? overall.virtualMs;
      const virtualMs = end === undefined ? undefined : end - call.startedAt;
      return {
        requests: call.requests,
        outcome: outcomeOf(settlement),
        ...(call.abortedAfterRequests !== undefined ? { abortedAfterRequests: call.abortedAfterRequests } : {}),
        ...(call.settledAt !== undefined && call.abortedAt !== undefined && env.fakeTime ? { afterAbortMs: call.settledAt - call.abortedAt } : {}),
        ...(virtualMs !== undefined && env.fakeTime ? { virtualMs } : {}),
        ...(end !== undefined && call.lastAnswerAt !== undefined && env.fakeTime ? { afterLastAnswerMs: end - call.lastAnswerAt } : {}),
        ...afterSettledOf(call, listenersLeft),
        inputChange: describeInputChange(call.before ?? {}, inputs[call.plan.input]),
        given: call.before ?? {},
      };
    }),
    unattributed,
    misrouted,
  };
}

/** What a call left behind: its late requests, and the listeners left on the long-lived signal it was given. */
function afterSettledOf(call: CallState, listenersLeft: ReadonlyMap<AbortController, number>): { afterSettled?: AfterSettled } {
  const listeners = call.controller ? (listenersLeft.get(call.controller) ?? 0) : 0;
  if (call.late.length === 0 && listeners === 0) return {};
  return { afterSettled: { requests: call.late, timers: [], ...(listeners > 0 ? { listeners } : {}) } };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}
