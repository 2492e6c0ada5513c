import type { AdapterError } from '../../../adapters/contract.ts';
import { type Answer, CatalogueClient, catalogueError } from '../catalogue-client.ts';

/** Parses the error body before anything else: an error with only X-Amzn-Errortype and no body fails to decode. */
class EmptyErrorBodyUnparseable extends CatalogueClient {
  protected override decodeError(answer: Answer): AdapterError {
    if (answer.text.trim() === '') return catalogueError('SerializationError', 'unexpected end of JSON input', answer.status);
    return super.decodeError(answer);
  }
}

export default () => new EmptyErrorBodyUnparseable('catalogue empty-error-body-unparseable').adapter();
