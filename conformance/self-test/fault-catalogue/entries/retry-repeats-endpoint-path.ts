import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Applies the endpoint's path prefix again to each retry's already-prefixed URL: /custom/, then /custom/custom/. */
class RetryRepeatsEndpointPath extends CatalogueClient {
  protected override requestUrl(context: CallContext, attempt: number): string {
    const url = new URL(context.endpoint.replace(/\/+$/, ''));
    const prefix = url.pathname === '/' ? '' : url.pathname;
    return `${url.origin}${prefix.repeat(attempt)}/`;
  }
}

export default () => new RetryRepeatsEndpointPath('catalogue retry-repeats-endpoint-path', { retries: true }).adapter();
