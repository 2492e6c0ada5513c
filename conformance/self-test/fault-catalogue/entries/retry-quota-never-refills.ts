import { CatalogueClient, catalogueError } from '../catalogue-client.ts';

/**
 * Takes a token from a client-wide retry quota for each retry and never puts one back on
 * success: once two retries have been spent, every later retryable answer is surfaced as the
 * client's own QuotaExceededError instead of the service's error.
 */
class RetryQuotaNeverRefills extends CatalogueClient {
  private tokens = 2;

  protected override backOff(signal: AbortSignal | undefined): Promise<void> {
    if (this.tokens === 0) return Promise.reject(catalogueError('QuotaExceededError', 'failed to get rate limit token, retry quota exceeded'));
    this.tokens -= 1;
    return super.backOff(signal);
  }
}

export default () => new RetryQuotaNeverRefills('catalogue retry-quota-never-refills', { retries: true }).adapter();
