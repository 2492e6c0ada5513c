// Taken at load, before any fake clock is installed: a watchdog always keeps real time.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** A wait ran past its bound; `what` names the wait (e.g. "the adapter module's load"). */
export class TimedOut extends Error {
  override name = 'TimedOut';
  constructor(
    readonly what: string,
    readonly ms: number,
    hint = '',
  ) {
    super(`${what} did not finish within ${ms} ms${hint}`);
  }
}

/**
 * Waits for `work` at most `ms` real milliseconds; past that rejects with TimedOut, leaving
 * the work behind (nothing can cancel a promise). The timer does not keep the process alive.
 */
export async function withinTime<T>(work: Promise<T> | T, ms: number, what: string, hint = ''): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = realSetTimeout(() => reject(new TimedOut(what, ms, hint)), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  try {
    return await Promise.race([Promise.resolve(work), deadline]);
  } finally {
    realClearTimeout(timer);
  }
}
