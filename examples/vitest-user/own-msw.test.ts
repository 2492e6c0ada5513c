// Your own msw server, with the suite's fixtures as handlers that judge each request the way
// the suite does. Here the application code under test is the client in my-adapter.mjs.
import { setupServer } from 'msw/node';
import { createConformanceService, type LoadedFixture, loadFixtures } from 'revoketoken-conformance/conformance';
import 'revoketoken-conformance/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { revokeToken } from './my-adapter.mjs';

const endpoint = 'https://cognito-idp.us-east-1.amazonaws.com';
const server = setupServer();
// Answer a request that breaks a must rule with a 400 naming the rule, instead of the fixture.
const service = createConformanceService({ refuseNonConforming: true });
let fixtures: Map<string, LoadedFixture>;

beforeAll(async () => {
  fixtures = new Map((await loadFixtures()).map((f) => [f.id, f]));
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
  service.reset();
});
afterAll(() => server.close());

const fixture = (id: string) => fixtures.get(id)!;

describe('my RevokeToken client against the fixtures', () => {
  it('revokes a token, and every request it sent keeps the contract', async () => {
    server.use(service.handlerFor(fixture('RevokeTokenSuccessEmptyObject')));
    await expect(revokeToken({ Token: 'my-test-token', ClientId: 'myclient1' }, { endpoint, region: 'us-east-1' })).resolves.toBeDefined();
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]!.request.body).toMatchRevokeTokenRequest();
    service.assertConformant();
  });

  it('surfaces the modeled error by its bare name, whatever suffix the wire adds', async () => {
    server.use(service.handlerFor(fixture('RevokeTokenUnauthorizedExceptionAsObserved')));
    const error = await revokeToken(
      { Token: 'my-test-token', ClientId: 'myclient1', ClientSecret: 'mywrongsecret0123456789abcdef' },
      { endpoint, region: 'us-east-1' },
    ).catch((e: unknown) => e);
    expect(error).toBeModeledRevokeTokenError('UnauthorizedException');
    service.assertConformant();
  });

  it('gets a 400 naming the rule when code sends a request that breaks the contract', async () => {
    server.use(service.handlerFor(fixture('RevokeTokenSuccessEmptyObject')));
    // Hand-rolled code with the operation name in lower camel case: C4 refuses it.
    const response = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.revokeToken' },
      body: JSON.stringify({ Token: 'my-test-token', ClientId: 'myclient1' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'RevokeTokenConformanceError', violations: [{ rule: 'C4' }] });
    expect(() => service.assertConformant()).toThrow(/C4/);
  });
});
