import type { Adapter, CallContext, RevokeTokenInput } from 'revoketoken-conformance/conformance';
import { revokeToken } from './fetch-client.mjs';

const adapter: Adapter = {
  name: 'fetch client, in TypeScript',
  revokeToken: (input: RevokeTokenInput, context: CallContext) => revokeToken(input, context),
};
export default adapter;
