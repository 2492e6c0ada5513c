import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** One call's transport failure rejects every call in flight on the client, whatever their own answers. */
class NetworkErrorFailsAllInFlight extends CatalogueClient {
  private readonly inFlight = new Set<(error: Error) => void>();

  protected override call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    return new Promise<RevokeTokenOutput>((resolve, reject) => {
      this.inFlight.add(reject);
      super
        .call(input, context)
        .then(resolve, (error: unknown) => {
          if (error instanceof Error && error.name === 'NetworkingError') for (const fail of this.inFlight) fail(error);
          reject(error);
        })
        .finally(() => this.inFlight.delete(reject));
    });
  }
}

export default () => new NetworkErrorFailsAllInFlight('catalogue network-error-fails-all-in-flight').adapter();
