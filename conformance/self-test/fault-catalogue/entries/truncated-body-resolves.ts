import { CatalogueClient } from '../catalogue-client.ts';

/** Takes a body cut short by a dropped connection for a complete (empty) one. */
class TruncatedBodyResolves extends CatalogueClient {
  protected override async readText(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch {
      return '';
    }
  }
}

export default () => new TruncatedBodyResolves('catalogue truncated-body-resolves').adapter();
