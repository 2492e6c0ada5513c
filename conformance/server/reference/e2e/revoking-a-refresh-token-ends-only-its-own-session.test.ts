import { GetUserCommand, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, it } from 'vitest';
import { createScenario, refresh, rejectionOf, signIn } from './sdk-scenario.ts';
import { describeOverTransports } from './sdk-transports.ts';

describeOverTransports('Revoking a refresh token ends only its own session', (harness) => {
  it('sign in, refresh, revoke: every access token of the session and the refresh token stop working', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client);
    const session = await signIn(client, scenario);
    const refreshed = await refresh(client, scenario, session.refreshToken);
    expect(refreshed.refreshToken).toBeUndefined();
    expect((await client.send(new GetUserCommand({ AccessToken: refreshed.accessToken }))).Username).toBe('alice');

    const revoked = await client.send(new RevokeTokenCommand({ Token: session.refreshToken, ClientId: scenario.clientId }));
    expect(revoked.$metadata.httpStatusCode).toBe(200);
    expect(revoked.$metadata.requestId).toBeTruthy();

    for (const accessToken of [session.accessToken, refreshed.accessToken]) {
      const error = await rejectionOf(client.send(new GetUserCommand({ AccessToken: accessToken })));
      expect(error.name).toBe('NotAuthorizedException');
      expect(error.message).toBe('Access Token has been revoked');
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    const refused = await rejectionOf(refresh(client, scenario, session.refreshToken));
    expect(refused.name).toBe('NotAuthorizedException');
    expect(refused.message).toBe('Refresh Token has been revoked');
  });

  it('another session of the same user keeps working', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client);
    const ended = await signIn(client, scenario);
    const other = await signIn(client, scenario);
    await client.send(new RevokeTokenCommand({ Token: ended.refreshToken, ClientId: scenario.clientId }));

    expect((await client.send(new GetUserCommand({ AccessToken: other.accessToken }))).Username).toBe('alice');
    const renewed = await refresh(client, scenario, other.refreshToken);
    expect((await client.send(new GetUserCommand({ AccessToken: renewed.accessToken }))).Username).toBe('alice');
  });

  it('a confidential client revokes with its secret, after signing in with SECRET_HASH', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client, { generateSecret: true });
    const session = await signIn(client, scenario);
    await client.send(new RevokeTokenCommand({ Token: session.refreshToken, ClientId: scenario.clientId, ClientSecret: scenario.clientSecret }));
    const error = await rejectionOf(client.send(new GetUserCommand({ AccessToken: session.accessToken })));
    expect(error.message).toBe('Access Token has been revoked');
  });
});
