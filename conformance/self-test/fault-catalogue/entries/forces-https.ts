import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Always speaks https: an http endpoint (a local emulator on loopback) is sent to over https. */
class ForcesHttps extends CatalogueClient {
  protected override requestUrl(context: CallContext, attempt: number): string {
    return super.requestUrl(context, attempt).replace(/^http:/, 'https:');
  }
}

export default () => new ForcesHttps('catalogue forces-https').adapter();
