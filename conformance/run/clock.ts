import FakeTimers from '@sinonjs/fake-timers';

// Taken before any fake clock is installed, so the harness keeps real time for itself.
const realSetImmediate = globalThis.setImmediate;
const realNow = () => performance.now();
// One fake clock for the whole process, swapped in and out around each call: reset and two
// assignments cost a fraction of a full install(), which dominated the harness's own share of
// a case (see BENCHMARKS.md). It is made before any install, so it hands out Node-style timers.
const clock = FakeTimers.withGlobal(globalThis).createClock();
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
  /** With `lookAfterSettled`, for a call that settled: the fake timers it left on the clock when it settled. */
  leftTimers?: string[];
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
  /** Called as soon as the call settles, in the same turn (the fake service starts its after-settled window). */
  onSettled?: () => void;
  /**
   * Once the call has settled, look at what it left: the fake timers still on the clock are
   * named in `leftTimers`, then run, with a few event-loop turns around each, so that whatever
   * they (or the call's own stray promises) send still arrives inside the case (rule A8).
   */
  lookAfterSettled?: boolean;
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
 * How long the harness looks after a call settled. In event-loop turns, not real time: a
 * request a settled call still sends through a fetch or msw's interception arrives within a
 * couple of turns, and each timer it left is run on the fake clock with as many turns after it.
 * A timer that re-arms itself is run at most this many times.
 */
export const AFTER_SETTLED_TURNS = 5;
export const AFTER_SETTLED_MAX_TIMERS = 20;

/** A fake timer as @sinonjs/fake-timers keeps it (not part of its typings). */
interface FakeTimer {
  type?: string;
  delay?: number;
  interval?: number;
}

/** The timers on the fake clock, as a report names them: `setTimeout 30000 ms`. */
function describeTimers(): string[] {
  // A Map in fake-timers 15, a plain object before it.
  const stored = (clock as unknown as { timers?: Map<number, FakeTimer> | Record<string, FakeTimer> }).timers;
  const timers = stored instanceof Map ? [...stored.values()] : Object.values(stored ?? {});
  return timers.map((timer) => (timer.type === 'Interval' ? `setInterval every ${timer.interval ?? 0} ms` : `setTimeout ${timer.delay ?? 0} ms`));
}

/** One turn of the real event loop, ended early by `wake` (set for the turn's duration). */
function turn(setWake: (wake: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    setWake(resolve);
    realSetImmediate(resolve);
  });
}

/**
 * Runs `call` to completion. With fake time, the global setTimeout and clearTimeout are the fake
 * clock's for the call's duration (back-off sleeps use them; no client back-off reads Date or
 * intervals, and faking those too costs more than the rest of the harness); whenever the call
 * is waiting on nothing but a timer, the harness jumps the clock to that timer. Real I/O and
 * promises still run in real time, so a client really blocked on a socket still hits the real
 * budget.
 *
 * A pending call costs constant memory: the call's settlement is listened to once, and each
 * turn of the wait makes one short-lived promise that the next turn or the settlement resolves
 * (racing a new promise against the settlement each turn left a reaction on it per turn, which
 * grew without bound while a call hung).
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
  let callVirtualMs: number | undefined;
  // Ends the current turn's wait early: set by each turn, called once when the call settles.
  let wake: () => void = () => {};
  const setWake = (next: () => void) => {
    wake = next;
  };
  try {
    // A call that throws before returning its promise is a rejection like any other.
    let pending: Promise<T>;
    try {
      pending = call();
    } catch (error) {
      pending = Promise.reject(error);
    }
    const onSettled = (settlement: Settlement<T>) => {
      result = settlement;
      callVirtualMs = virtualNow();
      options.onSettled?.();
      wake();
    };
    pending.then(
      (value) => onSettled({ kind: 'resolved', value }),
      (error: unknown) => onSettled({ kind: 'rejected', error }),
    );
    const fakeBudget = options.fakeBudgetMs ?? 15 * 60_000;
    let idleTurns = 0;
    // Since when (real time) the call has had no fake timer and nothing real to wake it.
    let waitingOnNothingSince: number | undefined;
    const idleGrace = options.idleGraceMs ?? 100;
    while (result === undefined) {
      const elapsed = realNow() - startedReal;
      if (elapsed > options.realBudgetMs) return { kind: 'unsettled', afterMs: Math.round(elapsed), virtualMs: virtualNow() };
      // Most calls settle on promises alone: the wait ends as soon as they do.
      await turn(setWake);
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
    const settled: Settlement<T> = { ...result, virtualMs: callVirtualMs ?? virtualNow() };
    if (options.lookAfterSettled) settled.leftTimers = await lookAfterSettled(options.fakeTime, setWake);
    return settled;
  } finally {
    if (options.fakeTime) {
      faking = false;
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      virtualMsSpent += callVirtualMs ?? clock.now;
      // Whatever is still on the clock after the look belongs to this call only: dropped, so none fires later.
      clock.reset();
    }
  }
}

/** The timers a settled call left (named before any runs), after running them and waiting a few turns. */
async function lookAfterSettled(fakeTime: boolean, setWake: (wake: () => void) => void): Promise<string[]> {
  const left = fakeTime ? describeTimers() : [];
  for (let fired = 0; ; fired += 1) {
    for (let index = 0; index < AFTER_SETTLED_TURNS; index += 1) await turn(setWake);
    if (!fakeTime || clock.countTimers() === 0 || fired >= AFTER_SETTLED_MAX_TIMERS) break;
    try {
      clock.next();
    } catch {
      // A left timer that throws: the timer is already named (A8); what it threw would crash the caller later, not this case.
    }
  }
  return left;
}
