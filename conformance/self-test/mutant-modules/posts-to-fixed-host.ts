import type { Adapter } from '../../adapters/contract.ts';
import { minimalClient } from '../minimal-client.ts';

// Posts every call to the us-east-1 endpoint, whatever endpoint it is given: the newcomer's
// adapter of issue 17. Run through the sandbox (`--adapter <this file>`), where msw answers it,
// so the verdict is A7's one line naming both places.
export default function postsToFixedHost(): Adapter {
  const client = minimalClient({}, 'mutant posts-to-fixed-host');
  return { ...client, revokeToken: (input, context) => client.revokeToken(input, { ...context, endpoint: 'https://cognito-idp.us-east-1.amazonaws.com' }) };
}
