import type { Adapter, CallContext, RevokeTokenInput, RevokeTokenOutput } from '../../../../conformance/adapters/contract.ts';
import { minimalClient } from '../../../../conformance/self-test/minimal-client.ts';

/** A correct client with one hostile act: `act` runs instead of (or around) the call. */
export function hostile(
  name: string,
  act: (call: () => Promise<RevokeTokenOutput>, input: RevokeTokenInput, context: CallContext) => unknown,
  extra: Partial<Adapter> = {},
): Adapter {
  const client = minimalClient({}, `hostile ${name}`);
  return {
    ...client,
    revokeToken: ((input: RevokeTokenInput, context: CallContext) => act(() => client.revokeToken(input, context), input, context)) as Adapter['revokeToken'],
    ...extra,
  };
}
