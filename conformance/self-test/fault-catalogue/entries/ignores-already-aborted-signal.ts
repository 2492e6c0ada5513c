import type { CallContext } from '../../../adapters/contract.ts';
import { type Answer, CatalogueClient } from '../catalogue-client.ts';

/**
 * Follows the caller's signal only through its `abort` event, on a controller of its own: a
 * signal that was aborted before the call never fires that event, so the request goes out.
 */
class IgnoresAlreadyAbortedSignal extends CatalogueClient {
  protected override checkSignal(): void {}

  protected override exchange(url: string, init: RequestInit, context: CallContext): Promise<Answer> {
    if (!context.signal) return super.exchange(url, init, context);
    const own = new AbortController();
    const forward = () => own.abort(context.signal?.reason);
    context.signal.addEventListener('abort', forward, { once: true });
    return super.exchange(url, init, { ...context, signal: own.signal }).finally(() => context.signal?.removeEventListener('abort', forward));
  }
}

export default () => new IgnoresAlreadyAbortedSignal('catalogue ignores-already-aborted-signal').adapter();
