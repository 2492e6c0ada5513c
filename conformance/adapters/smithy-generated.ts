import { CognitoIdentityProviderClient, RevokeTokenCommand } from '../../generated/client/index.ts';
import type { Adapter } from './contract.ts';
import { fetchRequestHandler } from './support/fetch-request-handler.ts';

/**
 * The client that smithy-typescript-codegen generates from our own model (generated/client).
 * It must behave like the official v3 client: if it does not, our model is wrong somewhere.
 */
const adapter: Adapter = {
  name: 'smithy-generated (generated/client from model/)',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: true, retries: true, maxAttempts: 3 },
  async revokeToken(input, context) {
    const client = new CognitoIdentityProviderClient({
      region: context.region,
      endpoint: context.endpoint,
      credentials: { accessKeyId: 'AKIDFAKEFORCONFORMANCE', secretAccessKey: 'fake-secret-for-conformance' },
      ...(context.fetch ? { requestHandler: fetchRequestHandler(context.fetch) } : {}),
    });
    try {
      return await client.send(new RevokeTokenCommand(input as never), { abortSignal: context.signal });
    } finally {
      client.destroy();
    }
  },
};

export default adapter;
