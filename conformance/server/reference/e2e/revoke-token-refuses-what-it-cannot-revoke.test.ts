import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, it } from 'vitest';
import { createScenario, refresh, rejectionOf, signIn } from './sdk-scenario.ts';
import { describeOverTransports } from './sdk-transports.ts';

describeOverTransports('RevokeToken refuses what it cannot revoke', (harness) => {
  it('an access or ID token: UnsupportedTokenTypeException, and the session lives on', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client);
    const session = await signIn(client, scenario);
    for (const token of [session.accessToken, session.idToken]) {
      const error = await rejectionOf(client.send(new RevokeTokenCommand({ Token: token, ClientId: scenario.clientId })));
      expect(error.name).toBe('UnsupportedTokenTypeException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    expect((await refresh(client, scenario, session.refreshToken)).accessToken).toBeTruthy();
  });

  it('a client with token revocation off: UnsupportedOperationException', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client, { enableTokenRevocation: false });
    const session = await signIn(client, scenario);
    const error = await rejectionOf(client.send(new RevokeTokenCommand({ Token: session.refreshToken, ClientId: scenario.clientId })));
    expect(error.name).toBe('UnsupportedOperationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('a confidential client with a wrong or missing secret: UnauthorizedException (401)', async () => {
    const { client } = await harness.connect();
    const scenario = await createScenario(client, { generateSecret: true });
    const session = await signIn(client, scenario);
    for (const ClientSecret of [undefined, 'wrongsecret0123456789abcdef']) {
      const error = await rejectionOf(client.send(new RevokeTokenCommand({ Token: session.refreshToken, ClientId: scenario.clientId, ClientSecret })));
      expect(error.name).toBe('UnauthorizedException');
      expect(error.$metadata.httpStatusCode).toBe(401);
      expect(error.message).not.toContain(scenario.clientSecret ?? '-');
    }
    expect((await refresh(client, scenario, session.refreshToken)).accessToken).toBeTruthy();
  });

  it("input that breaks the model's constraints: InvalidParameterException that quotes no sensitive value", async () => {
    const { client } = await harness.connect();
    const cases = [
      { Token: 'has a space', ClientId: 'abc' },
      { Token: 'abc', ClientId: 'x'.repeat(129) },
      { Token: 'abc', ClientId: 'with-dash' },
      { Token: 'abc', ClientId: 'abc', ClientSecret: 'tooshort' },
      { Token: '', ClientId: '' },
    ];
    for (const input of cases) {
      const error = await rejectionOf(client.send(new RevokeTokenCommand(input)));
      expect(error.name, JSON.stringify(input)).toBe('InvalidParameterException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toMatch(/validation errors? detected/);
      for (const value of Object.values(input)) if (value.length > 0) expect(error.message).not.toContain(value);
    }
  });
});
