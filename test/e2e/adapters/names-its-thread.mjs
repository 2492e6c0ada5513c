// A correct-enough adapter whose name says which thread loaded it, so a test can tell the
// sandbox worker from the harness's own thread.
import { isMainThread } from 'node:worker_threads';

export default {
  name: isMainThread ? 'loaded in the main thread' : 'loaded in a worker',
  capabilities: { clientSecret: true },
  async revokeToken(input, { endpoint, fetch: send = fetch }) {
    const response = await send(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.RevokeToken' },
      body: JSON.stringify(input),
    });
    await response.text();
    return { $metadata: { httpStatusCode: response.status } };
  },
};
