import FakeTimers from '@sinonjs/fake-timers';

// Taken before any fake clock is installed, so the harness keeps real time for itself.
const realSetImmediate = globalThis.setImmediate;
const realNow = () => performance.now();
// One fake clock for the whole process, swapped in and out around each call: reset and two
// assignments cost a fraction of a full install(), which dominated the harness's own share of
// a case (see BENCHMARKS.md). It is made before any install, so it hands out Node-style timers.
const clock = FakeTimers.withGlobal(globalThis).createClock();
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));
// Virtual milliseconds the fake clock has jumped over, in every call so far: the back-off the
// suite saved a user from waiting through, reported as its share of a run's time.
let virtualMsSpent = 0;

/** Virtual milliseconds spent in fake-time calls since the process started (read as a difference). */
export function virtualTimeSpentMs(): number {
  return virtualMsSpent;
}

export type Settlement<T> = (
  | { kind: 'resolved'; value: T }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'unsettled'; afterMs: number; detail?: string }
) & {
  /** Virtual milliseconds the call spent (0 in real time): how far the harness moved the fake clock. */
  virtualMs?: number;
};

/** Virtual milliseconds since the current call began (0 outside a fake-time call). */
export function virtualNow(): number {
  return faking ? clock.now : 0;
}
let faking = false;

export interface SettleOptions {
  /** Fake the clock while the call runs: back-off sleeps then take no real time. */
  fakeTime: boolean;
  /** Real milliseconds after which a call that has not settled counts as hanging. */
  realBudgetMs: number;
  /** Fake milliseconds a call may spend (in back-off) before it counts as hanging. */
  fakeBudgetMs?: number;
  /**
   * Says whether nothing outside the fake clock could still wake the call (no socket, no real
   * timer, no file or DNS request...). Only a thread that knows every handle it owns can answer
   * that (the sandbox worker); without it a stuck call waits out the real budget.
   */
  waitsOnNothing?: () => boolean;
  /** Real milliseconds the call must wait on nothing before it counts as unable to settle. Default 100. */
  idleGraceMs?: number;
  /**
   * Called when the call waits only on the fake clock, before it jumps to the next timer: a
   * sequence aborts a signal there (a call backing off before a retry). True: something
   * happened, so the call gets turns to react before the clock moves.
   */
  beforeClockJump?: () => boolean;
}

/** The detail of a call found waiting on nothing, rather than timed out. */
export const WAITS_ON_NOTHING = 'the call waits on nothing: no timer, no I/O, nothing can settle it';

/**
 * Runs `call` to completion. With fake time, the global setTimeout and clearTimeout are the fake
 * clock's for the call's duration (back-off sleeps use them; no client back-off reads Date or
 * intervals, and faking those too costs more than the rest of the harness); whenever the call
 * is waiting on nothing but a timer, the harness jumps the clock to that timer. Real I/O and
 * promises still run in real time, so a client really blocked on a socket still hits the real
 * budget.
 */
export async function settle<T>(call: () => Promise<T>, options: SettleOptions): Promise<Settlement<T>> {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  if (options.fakeTime) {
    clock.reset();
    faking = true;
    globalThis.setTimeout = clock.setTimeout as unknown as typeof setTimeout;
    globalThis.clearTimeout = clock.clearTimeout as unknown as typeof clearTimeout;
  }
  const startedReal = realNow();
  let result: Settlement<T> | undefined;
  try {
    // A call that throws before returning its promise is a rejection like any other.
    let pending: Promise<T>;
    try {
      pending = call();
    } catch (error) {
      pending = Promise.reject(error);
    }
    const settled = pending.then(
      (value) => {
        result = { kind: 'resolved', value };
      },
      (error: unknown) => {
        result = { kind: 'rejected', error };
      },
    );
    const fakeBudget = options.fakeBudgetMs ?? 15 * 60_000;
    let idleTurns = 0;
    // Since when (real time) the call has had no fake timer and nothing real to wake it.
    let waitingOnNothingSince: number | undefined;
    const idleGrace = options.idleGraceMs ?? 100;
    while (result === undefined) {
      const elapsed = realNow() - startedReal;
      if (elapsed > options.realBudgetMs) return { kind: 'unsettled', afterMs: Math.round(elapsed), virtualMs: virtualNow() };
      // Most calls settle on promises alone: the race returns as soon as they do.
      await Promise.race([settled, nextTurn()]);
      if (result !== undefined || !options.fakeTime) continue;
      // Only jump the clock once the call has had a few event-loop turns to make real progress.
      idleTurns += 1;
      if (idleTurns >= 3 && clock.countTimers() === 0 && options.waitsOnNothing !== undefined) {
        // Every sample in the grace must find nothing: one socket, timer or immediate restarts it.
        if (!options.waitsOnNothing()) waitingOnNothingSince = undefined;
        else {
          waitingOnNothingSince ??= realNow();
          if (realNow() - waitingOnNothingSince >= idleGrace) {
            return { kind: 'unsettled', afterMs: Math.round(realNow() - startedReal), detail: WAITS_ON_NOTHING, virtualMs: virtualNow() };
          }
        }
      }
      if (idleTurns >= 3 && clock.countTimers() > 0) {
        waitingOnNothingSince = undefined;
        idleTurns = 0;
        if (options.beforeClockJump?.()) continue;
        if (clock.now > fakeBudget) return { kind: 'unsettled', afterMs: Math.round(realNow() - startedReal), virtualMs: clock.now };
        clock.next();
      }
    }
    return { ...result, virtualMs: virtualNow() };
  } finally {
    if (options.fakeTime) {
      faking = false;
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      virtualMsSpent += clock.now;
      // Timers a client left behind belong to this call only: drop them so none fires later.
      clock.reset();
    }
  }
}
