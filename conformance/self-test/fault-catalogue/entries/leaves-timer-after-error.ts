import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Clears its 30 s response timeout when the call succeeds, but not when it fails. */
class LeavesTimerAfterError extends CatalogueClient {
  protected override async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    const timer = setTimeout(() => {}, 30_000);
    const output = await super.call(input, context);
    clearTimeout(timer);
    return output;
  }
}

export default () => new LeavesTimerAfterError('catalogue leaves-timer-after-error').adapter();
