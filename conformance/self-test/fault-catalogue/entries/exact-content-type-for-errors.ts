import { type Answer, CatalogueClient } from '../catalogue-client.ts';

/** Reads an error body as JSON only when Content-Type is exactly the protocol's, parameters and all. */
class ExactContentTypeForErrors extends CatalogueClient {
  protected override parseBody(answer: Answer): Record<string, unknown> | null | undefined {
    const type = answer.headers.get('content-type');
    if (type !== null && type !== 'application/x-amz-json-1.1') return null;
    return super.parseBody(answer);
  }
}

export default () => new ExactContentTypeForErrors('catalogue exact-content-type-for-errors').adapter();
