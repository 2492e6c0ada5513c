import type { CallContext, RevokeTokenInput, RevokeTokenOutput } from 'revoketoken-conformance/conformance';

/** The user's own client (fetch-client.mjs); `target` lets the broken adapter send a wrong one. */
export function revokeToken(input: RevokeTokenInput, context: CallContext & { target?: string }): Promise<RevokeTokenOutput>;
