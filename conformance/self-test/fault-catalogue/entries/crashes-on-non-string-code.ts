import { CatalogueClient } from '../catalogue-client.ts';

/** Expects the body's `code` to be a string: a number or null there throws a bare TypeError out of the decoding. */
class CrashesOnNonStringCode extends CatalogueClient {
  protected override errorCode(headers: Headers, body: Record<string, unknown> | undefined): string | undefined {
    if (!headers.get('x-amzn-errortype') && body && 'code' in body) return this.sanitize(body.code as string);
    return super.errorCode(headers, body);
  }
}

export default () => new CrashesOnNonStringCode('catalogue crashes-on-non-string-code').adapter();
