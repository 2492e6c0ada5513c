import type { RevokeTokenInput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

/** Treats strings as NUL-terminated (a C string in a native binding): everything from the first U+0000 on is lost. */
class CutsStringsAtNul extends CatalogueClient {
  protected override members(input: RevokeTokenInput): Record<string, unknown> {
    const members = super.members(input);
    for (const [name, value] of Object.entries(members)) if (typeof value === 'string') members[name] = value.split('\u0000')[0];
    return members;
  }
}

export default () => new CutsStringsAtNul('catalogue cuts-strings-at-nul').adapter();
