// A broken client for the redaction spec: it changes the Token before sending it (rule C8),
// the way a client that cuts or re-cases tokens would. What it sends is no less secret.
import type { Adapter } from '../../../conformance/adapters/contract.ts';
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';

const correct = minimalClient({}, 'alters-the-token');

/** Reversed and with a marker, so the value sent shares no long run with the one given. */
export const alteredToken = (token: string) => `ALTERED-${[...token].reverse().join('')}`;

const adapter: Adapter = {
  ...correct,
  revokeToken: (input, context) => correct.revokeToken({ ...input, ...(input.Token ? { Token: alteredToken(input.Token) } : {}) }, context),
};
export default adapter;
