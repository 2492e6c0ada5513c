// Whether a call in the sandbox can still be woken by anything real. Node lists the handles and
// requests that keep a thread's event loop alive (sockets, DNS and file requests, real timers,
// immediates, child processes, message ports); a call with no fake timer and none of those
// beyond what the worker itself holds waits on a promise nobody can resolve. Only the sandbox
// worker may ask: the harness's own thread holds many handles of its own.

type ResourceCounts = Map<string, number>;

function countResources(): ResourceCounts | undefined {
  // Node 20+; an older runtime cannot tell, so the call waits out its real budget.
  if (typeof process.getActiveResourcesInfo !== 'function') return undefined;
  const counts: ResourceCounts = new Map();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

export interface IdleProbe {
  /** True when nothing beyond the worker's own baseline is active: no I/O, no real timer, nothing. */
  waitsOnNothing(): boolean;
  /** The baseline the probe subtracts (for tests and diagnostics). */
  readonly baseline: ReadonlyMap<string, number>;
}

/**
 * Takes the baseline now: call it when the worker is idle and holds only its own resources (its
 * port to the harness). Any resource of any type above the baseline, known or not, counts as
 * something that may still wake the call: when in doubt the call keeps its real budget.
 */
export function idleProbe(): IdleProbe {
  const baseline = countResources();
  return {
    baseline: baseline ?? new Map(),
    waitsOnNothing() {
      if (baseline === undefined) return false;
      const now = countResources();
      if (now === undefined) return false;
      for (const [type, count] of now) if (count > (baseline.get(type) ?? 0)) return false;
      return true;
    },
  };
}
