import { CatalogueClient } from '../catalogue-client.ts';

/** When the connection drops in the middle of the body, keeps waiting for the rest: the call never settles. */
class TruncatedBodyHangs extends CatalogueClient {
  protected override async readText(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch {
      return new Promise<string>(() => {});
    }
  }
}

export default () => new TruncatedBodyHangs('catalogue truncated-body-hangs').adapter();
