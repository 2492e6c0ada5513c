import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceHandlers } from './msw-handlers.ts';
import { createReferenceService } from './reference-service.ts';

const service = createReferenceService({ region: 'eu-west-1' });
const server = setupServer(...referenceHandlers(service), ...referenceHandlers(service, { region: 'ap-south-1' }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' };

describe('referenceHandlers', () => {
  it("answers POST / on the service region's endpoint", async () => {
    const response = await fetch('https://cognito-idp.eu-west-1.amazonaws.com/', { method: 'POST', headers, body: '{"PoolName":"p"}' });
    expect(response.status).toBe(200);
    expect((await response.json()).UserPool.Id).toMatch(/^eu-west-1_/);
  });

  it('answers for another region when asked to', async () => {
    const response = await fetch('https://cognito-idp.ap-south-1.amazonaws.com/', { method: 'POST', headers, body: '{"PoolName":"p"}' });
    expect(response.status).toBe(200);
  });

  it('lets the service answer other methods and paths on its host with framework errors', async () => {
    const get = await fetch('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(get.status).toBe(405);
    const deep = await fetch('https://cognito-idp.eu-west-1.amazonaws.com/some/path', { method: 'POST', headers, body: '{}' });
    expect(deep.status).toBe(404);
    expect(deep.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');
  });

  it('does not answer for other hosts', async () => {
    await expect(fetch('https://cognito-idp.us-west-2.amazonaws.com/', { method: 'POST', headers, body: '{}' })).rejects.toThrow();
  });
});
