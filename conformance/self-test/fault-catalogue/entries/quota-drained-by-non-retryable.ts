import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../adapters/contract.ts';
import { CatalogueClient, catalogueError } from '../catalogue-client.ts';

const QUOTA = 2;

/**
 * Keeps a client-wide retry quota: each retry takes a token, and a call gives its tokens back
 * when it ends in a success, but not when its retry ends in a non-retryable error. Such calls
 * drain the quota for good, and a later throttled call gets the client's own QuotaExceededError.
 */
class QuotaDrainedByNonRetryable extends CatalogueClient {
  private tokens = QUOTA;
  private readonly taken = new WeakMap<CallContext, number>();

  protected override async call(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput> {
    const own = { ...context };
    const output = await super.call(input, own);
    this.tokens += this.taken.get(own) ?? 0;
    return output;
  }

  protected override backOff(signal: AbortSignal | undefined, context?: CallContext): Promise<void> {
    if (this.tokens === 0) return Promise.reject(catalogueError('QuotaExceededError', 'failed to get rate limit token, retry quota exceeded'));
    this.tokens -= 1;
    if (context) this.taken.set(context, (this.taken.get(context) ?? 0) + 1);
    return super.backOff(signal, context);
  }
}

export default () => new QuotaDrainedByNonRetryable('catalogue quota-drained-by-non-retryable', { retries: true }).adapter();
