import { CatalogueClient } from '../catalogue-client.ts';

/** Builds the headers object on the first call and reuses it: Content-Length keeps the first body's size. */
class KeepsFirstContentLength extends CatalogueClient {
  private shared: Record<string, string> | undefined;

  protected override headers(body: string): Record<string, string> {
    this.shared ??= super.headers(body);
    return this.shared;
  }
}

export default () => new KeepsFirstContentLength('catalogue keeps-first-content-length').adapter();
