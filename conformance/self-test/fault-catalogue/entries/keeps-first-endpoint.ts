import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Resolves the endpoint once, on the first call, and sends every later call there. */
class KeepsFirstEndpoint extends CatalogueClient {
  private resolved: string | undefined;

  protected override requestUrl(context: CallContext, attempt: number): string {
    this.resolved ??= super.requestUrl(context, attempt);
    return this.resolved;
  }
}

export default () => new KeepsFirstEndpoint('catalogue keeps-first-endpoint').adapter();
