import type { CallContext, RevokeTokenInput } from '../../../../conformance/adapters/contract.ts';

/** The request a correct client would have sent for this call, as the sandbox's records list requests. */
export function forgedRequest(input: RevokeTokenInput, context: CallContext) {
  const body = JSON.stringify(input);
  return {
    method: 'POST',
    url: `${context.endpoint.replace(/\/$/, '')}/`,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
    body,
    bodyBytes: Buffer.byteLength(body),
    transport: 'intercepted',
  };
}
