import type { CallContext } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Appends `/` to the endpoint as given: one that already ends with `/` becomes `//`. */
class DoublesTrailingSlash extends CatalogueClient {
  protected override requestUrl(context: CallContext): string {
    return `${context.endpoint}/`;
  }
}

export default () => new DoublesTrailingSlash('catalogue doubles-trailing-slash').adapter();
