import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Posts to the endpoint's origin: a path prefix in the endpoint (a proxy's /custom) is dropped. */
class DropsEndpointPath extends CatalogueClient {
  protected override requestUrl(context: CallContext): string {
    return `${new URL(context.endpoint).origin}/`;
  }
}

export default () => new DropsEndpointPath('catalogue drops-endpoint-path').adapter();
