import { CatalogueClient } from '../catalogue-client.ts';

/** Takes the code from the body when the body has one, and falls back to X-Amzn-Errortype only without. */
class BodyCodeOverHeader extends CatalogueClient {
  protected override errorCode(headers: Headers, body: Record<string, unknown> | undefined): string | undefined {
    return super.errorCode(new Headers(), body) ?? super.errorCode(headers, undefined);
  }
}

export default () => new BodyCodeOverHeader('catalogue body-code-over-header').adapter();
