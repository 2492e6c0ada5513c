import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Rebuilds the URL from the endpoint's scheme, host name and path: the port is lost. */
class DropsEndpointPort extends CatalogueClient {
  protected override requestUrl(context: CallContext, attempt: number): string {
    const url = new URL(super.requestUrl(context, attempt));
    url.port = '';
    return url.href;
  }
}

export default () => new DropsEndpointPort('catalogue drops-endpoint-port').adapter();
