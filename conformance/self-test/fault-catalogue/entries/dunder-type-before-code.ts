import { CatalogueClient } from '../catalogue-client.ts';

/** Looks for the code in the header, then `__type`, then `code`: when the two members disagree, `__type` wins. */
class DunderTypeBeforeCode extends CatalogueClient {
  protected override errorCode(headers: Headers, body: Record<string, unknown> | undefined): string | undefined {
    const header = headers.get('x-amzn-errortype');
    if (header) return this.sanitize(header);
    if (typeof body?.__type === 'string') return this.sanitize(body.__type);
    return super.errorCode(headers, body);
  }
}

export default () => new DunderTypeBeforeCode('catalogue dunder-type-before-code').adapter();
