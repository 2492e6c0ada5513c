import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Swallows a failed connection and waits for an answer that can no longer come: the call never settles. */
class NetworkErrorHangs extends CatalogueClient {
  protected override async send(url: string, init: RequestInit, context: CallContext): Promise<Response> {
    try {
      return await super.send(url, init, context);
    } catch (error) {
      if (context.signal?.aborted) throw error;
      return new Promise<Response>(() => {});
    }
  }
}

export default () => new NetworkErrorHangs('catalogue network-error-hangs').adapter();
