// Runs the same end-to-end specs over both ways an app can reach the reference service:
// a real loopback socket (SDK endpoint = server URL) and msw interception of the regional
// endpoint (SDK left at its default endpoint). The SDK is the real AWS SDK for JavaScript v3.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { referenceHandlers } from '../msw-handlers.ts';
import type { ReferenceServiceOptions } from '../options.ts';
import { createReferenceService, type ReferenceService } from '../reference-service.ts';
import { type ServedReference, serveReference } from '../serve-reference.ts';

/** @internal */
export type TransportName = 'loopback socket' | 'msw interception';

/** @internal */
export interface Connection {
  service: ReferenceService;
  client: CognitoIdentityProviderClient;
  /** Where a hand-made request reaches the same service. */
  endpoint: string;
}

/** @internal */
export interface Harness {
  /** A fresh service (with its own state) and an SDK client wired to it. */
  connect(options?: ReferenceServiceOptions): Promise<Connection>;
}

const REGION = 'us-east-1';
// Admin operations are SigV4-signed by the SDK; the reference service accepts any signature.
const FAKE_CREDENTIALS = { accessKeyId: 'AKIDREFERENCETESTS', secretAccessKey: 'reference-tests-not-a-secret' };

function sdkClient(endpoint: string | undefined): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: REGION,
    credentials: FAKE_CREDENTIALS,
    // One attempt: a retried 429 or 500 would hide what the server sent and cost time.
    maxAttempts: 1,
    ...(endpoint === undefined ? {} : { endpoint }),
  });
}

/**
 * Declares `body` once per transport, each in its own describe block with its own setup.
 * @internal
 */
export function describeOverTransports(title: string, body: (harness: Harness) => void): void {
  describe.each<TransportName>(['loopback socket', 'msw interception'])(`${title} (%s)`, (transport) => {
    const clients: CognitoIdentityProviderClient[] = [];
    const served: ServedReference[] = [];
    let msw: SetupServer | undefined;

    if (transport === 'msw interception') {
      beforeAll(() => {
        const server = setupServer();
        server.listen({ onUnhandledRequest: 'error' });
        msw = server;
      });
      afterAll(() => msw?.close());
    }

    afterEach(async () => {
      for (const client of clients.splice(0)) client.destroy();
      await Promise.all(served.splice(0).map((server) => server.close()));
      msw?.resetHandlers();
    });

    body({
      async connect(options = {}) {
        const service = createReferenceService({ region: REGION, ...options });
        if (transport === 'loopback socket') {
          const server = await serveReference({ service });
          served.push(server);
          const client = sdkClient(server.url);
          clients.push(client);
          return { service, client, endpoint: `${server.url}/` };
        }
        msw?.use(...referenceHandlers(service));
        const client = sdkClient(undefined);
        clients.push(client);
        return { service, client, endpoint: `https://cognito-idp.${REGION}.amazonaws.com/` };
      },
    });
  });
}
