import type { CallContext } from '../../../adapters/contract.ts';
import { type Answer, CatalogueClient } from '../catalogue-client.ts';

/**
 * Adds an `abort` listener to the caller's signal for every request and never removes it: a
 * signal shared by many calls collects one listener per call, long after those calls settled.
 */
class LeaksAbortListener extends CatalogueClient {
  protected override exchange(url: string, init: RequestInit, context: CallContext): Promise<Answer> {
    if (!context.signal) return super.exchange(url, init, context);
    // Meant to tear down this request's socket on abort; kept for as long as the signal lives.
    const teardown = new AbortController();
    context.signal.addEventListener('abort', () => teardown.abort());
    return super.exchange(url, init, context);
  }
}

export default () => new LeaksAbortListener('catalogue leaks-abort-listener').adapter();
