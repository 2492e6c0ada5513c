import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/load.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import { handlerForFixture } from './fixture-handler.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('handlerForFixture', () => {
  it('lets an application test see the fixture exactly as a client decodes it', async () => {
    const fixture = (await loadFixtures()).find((f) => f.id === 'RevokeTokenUnsupportedTokenTypeExceptionAsObserved')!;
    const seen: CapturedRequest[] = [];
    server.use(handlerForFixture(fixture, { region: 'eu-west-1', onRequest: (r) => seen.push(r) }));
    const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1 });
    const failure = await client.send(new RevokeTokenCommand(fixture.params as never)).catch((e: Error) => e);
    expect(failure).toMatchObject({ name: 'UnsupportedTokenTypeException' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.RevokeToken');
  });
});
