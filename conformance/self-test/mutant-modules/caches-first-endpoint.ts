import type { Adapter } from '../../adapters/contract.ts';
import { minimalClient } from '../minimal-client.ts';

// The cached-endpoint fault as a module, so the self-test also runs a sequence through the
// sandbox worker (decisions/0011, decisions/0016), as `--adapter` runs every module.
export default function cachesFirstEndpoint(): Adapter {
  return minimalClient({ cachesFirstEndpoint: true }, 'mutant caches-first-endpoint (module)');
}
