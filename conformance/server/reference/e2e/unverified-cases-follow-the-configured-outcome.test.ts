import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, it } from 'vitest';
import { createScenario, refresh, rejectionOf, signIn } from './sdk-scenario.ts';
import { describeOverTransports } from './sdk-transports.ts';

describeOverTransports('Cases the real service leaves unverified follow the configured outcome', (harness) => {
  it('by default, revoking twice and revoking an unknown token both succeed', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client);
    const session = await signIn(client, scenario);
    const revoke = (Token: string) => client.send(new RevokeTokenCommand({ Token, ClientId: scenario.clientId }));
    expect((await revoke(session.refreshToken)).$metadata.httpStatusCode).toBe(200);
    expect((await revoke(session.refreshToken)).$metadata.httpStatusCode).toBe(200);
    expect((await revoke('eyJjdHkiOiJKV1QifQ.never.issued.by.this')).$metadata.httpStatusCode).toBe(200);
  });

  it("by default, another client's token is refused and stays valid", async () => {
    const { client } = await harness.connect();
    const mine = await createScenario(client);
    const theirs = await createScenario(client, { poolId: mine.poolId, username: 'bob' });
    const session = await signIn(client, theirs);
    const error = await rejectionOf(client.send(new RevokeTokenCommand({ Token: session.refreshToken, ClientId: mine.clientId })));
    expect(error.name).toBe('UnauthorizedException');
    expect((await refresh(client, theirs, session.refreshToken)).accessToken).toBeTruthy();
  });

  it('configured otherwise, the same calls fail with the chosen modeled errors', async () => {
    const { client } = await harness.connect({
      revokeToken: {
        alreadyRevokedToken: { error: 'InvalidParameterException' },
        unknownToken: { error: 'UnsupportedTokenTypeException' },
        otherClientsToken: 'succeed',
      },
    });
    const mine = await createScenario(client);
    const theirs = await createScenario(client, { poolId: mine.poolId, username: 'bob' });
    const session = await signIn(client, mine);
    const revoke = (Token: string) => client.send(new RevokeTokenCommand({ Token, ClientId: mine.clientId }));
    await revoke(session.refreshToken);
    expect((await rejectionOf(revoke(session.refreshToken))).name).toBe('InvalidParameterException');
    expect((await rejectionOf(revoke('never.issued'))).name).toBe('UnsupportedTokenTypeException');
    const foreign = await signIn(client, theirs);
    expect((await revoke(foreign.refreshToken)).$metadata.httpStatusCode).toBe(200);
    expect((await refresh(client, theirs, foreign.refreshToken)).accessToken).toBeTruthy();
  });
});
