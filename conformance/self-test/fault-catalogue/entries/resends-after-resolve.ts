import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/**
 * After handing back a success, a late connection-error path runs the request once more in the
 * background (its outcome ignored): a request the caller never asked for, after the call settled.
 */
class ResendsAfterResolve extends CatalogueClient {
  protected override async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    const output = await super.call(input, context);
    const request = { ...input };
    setTimeout(() => {
      super.call(request, { ...context, signal: undefined }).catch(() => {});
    }, 0);
    return output;
  }
}

export default () => new ResendsAfterResolve('catalogue resends-after-resolve').adapter();
