import { CatalogueClient } from '../catalogue-client.ts';

/** Counts only HTTP 200 as success: a 201, 202 or 204 from a proxy or emulator becomes an error. */
class Only200IsSuccess extends CatalogueClient {
  protected override isSuccess(status: number): boolean {
    return status === 200;
  }
}

export default () => new Only200IsSuccess('catalogue only-200-is-success').adapter();
