import { fail, pass } from '../judging/check.ts';
import type { ClientCheck } from './check.ts';

/**
 * A6: an in-process client reaches the service only through the suite (interception or the
 * direct fetch). The sandbox's network guard refuses every other connection attempt (socket,
 * TLS, DNS, UDP) before it leaves the machine and records it; one is enough to fail the case,
 * since a client that keeps its own fetch from load time would otherwise talk to the real host.
 */
export const a6NoNetwork: ClientCheck = {
  name: 'a6NoNetwork',
  rules: ['A6'],
  level: () => 'must',
  appliesTo: (o) => o.networkAttempts !== undefined,
  evaluate: (o) => {
    const attempts = o.networkAttempts ?? [];
    if (attempts.length === 0) return pass;
    const shown = [...new Set(attempts)].slice(0, 3).join(', ');
    return fail('no connection beyond the suite', `tried to reach the network: ${shown}${attempts.length > 3 ? ` (${attempts.length} attempts)` : ''}`);
  },
};
