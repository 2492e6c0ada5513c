import { CatalogueClient } from '../catalogue-client.ts';

/**
 * Reports a transport failure twice: the call rejects as it should, and an internal 'error'
 * promise nobody listens to rejects as well, an unhandled rejection in the caller's process.
 */
class NetworkErrorUnhandledRejection extends CatalogueClient {
  protected override transportFailure(error: unknown, signal: AbortSignal | undefined): Error {
    const failure = super.transportFailure(error, signal);
    if (!signal?.aborted) void Promise.reject(failure).then(() => undefined);
    return failure;
  }
}

export default () => new NetworkErrorUnhandledRejection('catalogue network-error-unhandled-rejection').adapter();
