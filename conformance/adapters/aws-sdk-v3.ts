import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Adapter } from './contract.ts';
import { fetchRequestHandler } from './support/fetch-request-handler.ts';

/**
 * The AWS SDK for JavaScript v3 client, as an application would use it: default retry
 * strategy (3 attempts with back-off, which the suite's fake clock makes instant), a fresh
 * client per call so no state crosses cases. Credentials are configured on purpose: the
 * operation must still go out unsigned (C6).
 */
const adapter: Adapter = {
  name: 'aws-sdk-v3 (@aws-sdk/client-cognito-identity-provider)',
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
