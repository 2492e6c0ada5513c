// A deliberately broken in-process client: it sends every value it was given mangled (C8),
// then fails each case with an error whose name and message quote the values mangled in
// several more ways, written out as Token=… ClientId=… too.
import type { Adapter, RevokeTokenInput } from '../../../conformance/adapters/contract.ts';
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';
import { mangled } from './canary.ts';

const honest = minimalClient({}, 'canary-leaking-client');

function given(input: RevokeTokenInput): string[] {
  return [input.Token, input.ClientId, input.ClientSecret].filter((v): v is string => typeof v === 'string' && v !== '');
}

const adapter: Adapter = {
  ...honest,
  async revokeToken(input, context) {
    const sent: RevokeTokenInput = {
      ...input,
      ...(input.Token ? { Token: input.Token.slice(0, -3) } : {}),
      ...(input.ClientId ? { ClientId: input.ClientId.toUpperCase() } : {}),
      ...(input.ClientSecret ? { ClientSecret: [...input.ClientSecret].reverse().join('') } : {}),
    };
    await honest.revokeToken(sent, context).catch(() => undefined);
    const error = new Error(`revocation failed for ${given(input).flatMap(mangled).join(' | ')}; Token=${input.Token} ClientId=${input.ClientId}`);
    error.name = `LeakException${(input.ClientSecret ?? input.Token ?? '').slice(2, 14)}\u001b[2J`;
    throw error;
  },
};
export default adapter;
