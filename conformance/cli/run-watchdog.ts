import type { Adapter } from '../adapters/contract.ts';
import { withinTime } from '../adapters/support/within-time.ts';

// Taken at load: a fake clock installed around a call never slows the run's own clock.
const realNow = performance.now.bind(performance);

/** How long an adapter's close() may take once the last case is done. */
export const CLOSE_TIMEOUT_MS = 10_000;

/** What the watchdog saw trip, one message each, naming what ran out of time. */
export interface RunWatchdog {
  adapter: Adapter;
  tripped(): readonly string[];
}

/**
 * Puts the two bounds the runner does not know about around an adapter, without touching it:
 * the whole run's time (once spent, every further call fails at once, so the remaining cases
 * fail quickly and the reports are still written) and close() at the end (a close that hangs
 * or throws is recorded, not waited on or thrown). Everything else passes through unchanged,
 * so a process adapter is still recognised as one.
 */
export function watchRun(adapter: Adapter, options: { runTimeoutMs: number; closeTimeoutMs?: number }): RunWatchdog {
  const started = realNow();
  const trips: string[] = [];
  let runSpent = false;
  const revokeToken: Adapter['revokeToken'] = (input, context) => {
    if (!runSpent && realNow() - started > options.runTimeoutMs) {
      runSpent = true;
      trips.push(`the run took longer than its limit of ${options.runTimeoutMs} ms (--run-timeout): the calls left were not made and their cases failed`);
    }
    if (runSpent) return Promise.reject(new Error(`not called: the run's time limit of ${options.runTimeoutMs} ms (--run-timeout) was spent`));
    return adapter.revokeToken(input, context);
  };
  const closeTimeoutMs = options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS;
  const close = async () => {
    try {
      await withinTime((async () => adapter.close?.())(), closeTimeoutMs, "the adapter's close()", ' after the last case: the process exits anyway');
    } catch (error) {
      trips.push(error instanceof Error && error.name === 'TimedOut' ? error.message : `the adapter's close() failed: ${describe(error)}`);
    }
  };
  const guarded = new Proxy(adapter, {
    get(target, property) {
      if (property === 'revokeToken') return revokeToken;
      if (property === 'close') return target.close === undefined ? undefined : close;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { adapter: guarded, tripped: () => [...trips] };
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be shown';
  }
}
