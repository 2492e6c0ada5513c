import { GetUserCommand, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, it } from 'vitest';
import type { OperationName } from '../options.ts';
import { createScenario, signIn } from './sdk-scenario.ts';
import { describeOverTransports } from './sdk-transports.ts';

describeOverTransports('Signed and unsigned calls are both accepted', (harness) => {
  it('the SDK signs the admin calls and not RevokeToken, InitiateAuth or GetUser; the service takes all of them', async () => {
    const signedBy = new Map<OperationName, boolean>();
    const { client } = await harness.connect({
      // The fault hook sees every claimed request; returning nothing lets it through.
      fault: (operation, request) => {
        signedBy.set(operation, request.headers.get('authorization')?.startsWith('AWS4-HMAC-SHA256') ?? false);
        return undefined;
      },
    });
    const scenario = await createScenario(client);
    const session = await signIn(client, scenario);
    await client.send(new GetUserCommand({ AccessToken: session.accessToken }));
    const revoked = await client.send(new RevokeTokenCommand({ Token: session.refreshToken, ClientId: scenario.clientId }));
    expect(revoked.$metadata.httpStatusCode).toBe(200);
    expect(Object.fromEntries(signedBy)).toEqual({
      CreateUserPool: true,
      CreateUserPoolClient: true,
      AdminCreateUser: true,
      AdminSetUserPassword: true,
      InitiateAuth: false,
      GetUser: false,
      RevokeToken: false,
    });
  });
});
