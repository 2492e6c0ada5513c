import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { BACK_OFF_MS, CatalogueClient } from '../catalogue-client.ts';

/**
 * Classifies an aborted attempt as a transient error and retries it: the retry waits out its
 * back-off and fails again on the spent signal, so the abort settles late.
 */
class RetriesAbortedAttempt extends CatalogueClient {
  protected override async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await super.call(input, context);
      } catch (error) {
        const aborted = error instanceof Error && (error.name === 'AbortError' || context.signal?.aborted === true);
        if (!aborted || attempt >= this.maxAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, BACK_OFF_MS));
      }
    }
  }
}

export default () => new RetriesAbortedAttempt('catalogue retries-aborted-attempt', { retries: true }).adapter();
