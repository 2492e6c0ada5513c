import type { CallContext } from '../../../adapters/contract.ts';
import { type Answer, CatalogueClient } from '../catalogue-client.ts';

/** Re-sends once after a reset or refused connection, though it declares no retries. */
class RetriesResetUndeclared extends CatalogueClient {
  protected override async exchange(url: string, init: RequestInit, context: CallContext): Promise<Answer> {
    try {
      return await super.exchange(url, init, context);
    } catch (error) {
      if (context.signal?.aborted || !(error instanceof Error) || error.name !== 'NetworkingError') throw error;
      return super.exchange(url, init, context);
    }
  }
}

export default () => new RetriesResetUndeclared('catalogue retries-reset-undeclared').adapter();
