import type { RevokeTokenInput } from '../../../adapters/contract.ts';
import { CatalogueClient } from '../catalogue-client.ts';

type WellFormable = string & { toWellFormed(): string };

/** Makes every string well-formed before sending: a lone surrogate the caller passed goes out as U+FFFD. */
class ReplacesLoneSurrogates extends CatalogueClient {
  protected override members(input: RevokeTokenInput): Record<string, unknown> {
    const members = super.members(input);
    for (const [name, value] of Object.entries(members)) if (typeof value === 'string') members[name] = (value as WellFormable).toWellFormed();
    return members;
  }
}

export default () => new ReplacesLoneSurrogates('catalogue replaces-lone-surrogates').adapter();
