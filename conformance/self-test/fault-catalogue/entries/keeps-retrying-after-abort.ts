import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { BACK_OFF_MS, CatalogueClient } from '../catalogue-client.ts';

/** Rejects an aborted call at once, but its retry loop goes on and sends the next attempt after the back-off. */
class KeepsRetryingAfterAbort extends CatalogueClient {
  protected override async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    try {
      return await super.call(input, context);
    } catch (error) {
      if (context.signal?.aborted) {
        const request = { ...input };
        setTimeout(() => {
          super.call(request, { ...context, signal: undefined }).catch(() => {});
        }, BACK_OFF_MS);
      }
      throw error;
    }
  }
}

export default () => new KeepsRetryingAfterAbort('catalogue keeps-retrying-after-abort', { retries: true }).adapter();
