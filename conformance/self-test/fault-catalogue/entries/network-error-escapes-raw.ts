import { abortError, CatalogueClient } from '../catalogue-client.ts';

/** Lets the transport's own error out as it came (fetch's bare `TypeError: fetch failed`), unwrapped. */
class NetworkErrorEscapesRaw extends CatalogueClient {
  protected override transportFailure(error: unknown, signal: AbortSignal | undefined): Error {
    return signal?.aborted ? abortError(signal) : (error as Error);
  }
}

export default () => new NetworkErrorEscapesRaw('catalogue network-error-escapes-raw').adapter();
