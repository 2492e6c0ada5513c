import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Keeps the endpoint's path but posts to `/custom` instead of `/custom/` (Smithy's HostWithPath wants the slash). */
class DropsSlashAfterPath extends CatalogueClient {
  protected override requestUrl(context: CallContext): string {
    const base = context.endpoint.replace(/\/+$/, '');
    return new URL(base).pathname === '/' ? `${base}/` : base;
  }
}

export default () => new DropsSlashAfterPath('catalogue drops-slash-after-path').adapter();
