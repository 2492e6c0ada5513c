import { abortError, BACK_OFF_MS, CatalogueClient } from '../catalogue-client.ts';

/** Sleeps the whole back-off whatever the signal does, and only looks at it when the next attempt starts. */
class BackOffIgnoresAbort extends CatalogueClient {
  protected override async backOff(signal: AbortSignal | undefined): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, BACK_OFF_MS));
    if (signal?.aborted) throw abortError(signal);
  }
}

export default () => new BackOffIgnoresAbort('catalogue back-off-ignores-abort', { retries: true }).adapter();
