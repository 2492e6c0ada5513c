import FakeTimers from '@sinonjs/fake-timers';

// Taken before any fake clock is installed, so the harness keeps real time for itself.
const realSetImmediate = globalThis.setImmediate;
const realNow = () => performance.now();
const timers = FakeTimers.withGlobal(globalThis);
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

export type Settlement<T> = { kind: 'resolved'; value: T } | { kind: 'rejected'; error: unknown } | { kind: 'unsettled'; afterMs: number };

export interface SettleOptions {
  /** Fake the clock while the call runs: back-off sleeps then take no real time. */
  fakeTime: boolean;
  /** Real milliseconds after which a call that has not settled counts as hanging. */
  realBudgetMs: number;
  /** Fake milliseconds a call may spend (in back-off) before it counts as hanging. */
  fakeBudgetMs?: number;
}

/**
 * Runs `call` to completion. With fake time, setTimeout and clearTimeout are faked for the call's
 * duration (back-off sleeps use them; faking Date and intervals too cost more than the rest of
 * the harness and no client back-off reads them); whenever the call is waiting on nothing but a
 * timer, the harness jumps the clock
 * to that timer. Real I/O and promises still run in real time, so a client that is really
 * blocked on a socket still hits the real budget.
 */
export async function settle<T>(call: () => Promise<T>, options: SettleOptions): Promise<Settlement<T>> {
  const clock = options.fakeTime
    ? timers.install({ toFake: ['setTimeout', 'clearTimeout'] })
    : undefined;
  const startedReal = realNow();
  let result: Settlement<T> | undefined;
  try {
    const settled = call().then(
      (value) => {
        result = { kind: 'resolved', value };
      },
      (error: unknown) => {
        result = { kind: 'rejected', error };
      },
    );
    const fakeBudget = options.fakeBudgetMs ?? 15 * 60_000;
    let idleTurns = 0;
    while (result === undefined) {
      const elapsed = realNow() - startedReal;
      if (elapsed > options.realBudgetMs) return { kind: 'unsettled', afterMs: Math.round(elapsed) };
      // Most calls settle on promises alone: the race returns as soon as they do.
      await Promise.race([settled, nextTurn()]);
      if (result !== undefined || !clock) continue;
      // Only jump the clock once the call has had a few event-loop turns to make real progress.
      idleTurns += 1;
      if (idleTurns >= 3 && clock.countTimers() > 0) {
        idleTurns = 0;
        if (clock.now > fakeBudget) return { kind: 'unsettled', afterMs: Math.round(realNow() - startedReal) };
        clock.next();
      }
    }
    return result;
  } finally {
    clock?.uninstall();
  }
}
