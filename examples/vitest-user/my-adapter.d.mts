import type { Adapter, CallContext, RevokeTokenInput, RevokeTokenOutput } from 'revoketoken-conformance/conformance';

export function revokeToken(input: RevokeTokenInput, context: CallContext): Promise<RevokeTokenOutput>;
declare const adapter: Adapter;
export default adapter;
