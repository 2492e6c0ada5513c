import type { Adapter } from '../../adapters/contract.ts';
import { minimalClient } from '../minimal-client.ts';

// Taken when the module loads, before the suite's interception is in place: the real fetch.
// Run only through the sandbox (`--adapter <this file>`), whose network guard refuses what it sends.
const loadTimeFetch = globalThis.fetch;

export default function keepsLoadTimeFetch(): Adapter {
  const client = minimalClient({}, 'mutant keeps-load-time-fetch');
  return { ...client, revokeToken: (input, context) => client.revokeToken(input, { ...context, fetch: loadTimeFetch }) };
}
