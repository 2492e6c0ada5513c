import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Arms a 30 s request timeout for every call and never clears it: the timer outlives the call. */
class LeavesRequestTimer extends CatalogueClient {
  protected override call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    const timeout = new AbortController();
    setTimeout(() => timeout.abort(), 30_000);
    return super.call(input, context);
  }
}

export default () => new LeavesRequestTimer('catalogue leaves-request-timer').adapter();
