import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Builds the regional host from the region and never reads the endpoint it was given. */
class HostFromRegion extends CatalogueClient {
  protected override requestUrl(context: CallContext): string {
    return `https://cognito-idp.${context.region}.amazonaws.com/`;
  }
}

export default () => new HostFromRegion('catalogue host-from-region').adapter();
