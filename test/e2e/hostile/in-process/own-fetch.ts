import { hostile } from './base.ts';

// Kept at load time, before the suite's interception: the real fetch.
const ownFetch = globalThis.fetch;

export default hostile('own-fetch', (_call, input, context) =>
  ownFetch(`${context.endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
    body: JSON.stringify(input),
  }).then(() => ({})),
);
