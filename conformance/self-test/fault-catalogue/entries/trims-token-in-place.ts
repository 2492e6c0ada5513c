import type { RevokeTokenInput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Trims whitespace off Token by writing the trimmed value back into the caller's input object. */
class TrimsTokenInPlace extends CatalogueClient {
  protected override members(input: RevokeTokenInput): Record<string, unknown> {
    if (typeof input.Token === 'string') input.Token = input.Token.trim();
    return super.members(input);
  }
}

export default () => new TrimsTokenInPlace('catalogue trims-token-in-place').adapter();
