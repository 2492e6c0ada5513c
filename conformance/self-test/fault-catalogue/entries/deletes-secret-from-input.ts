import type { RevokeTokenInput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Removes ClientSecret from the caller's own input object once the body is built (sent right, then lost). */
class DeletesSecretFromInput extends CatalogueClient {
  protected override serialize(input: RevokeTokenInput): string {
    const body = super.serialize(input);
    delete input.ClientSecret;
    return body;
  }
}

export default () => new DeletesSecretFromInput('catalogue deletes-secret-from-input').adapter();
