import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, it } from 'vitest';
import { rejectionOf } from './sdk-scenario.ts';
import { describeOverTransports } from './sdk-transports.ts';

const target = 'AWSCognitoIdentityProviderService.RevokeToken';

describeOverTransports('Requests the service does not claim get framework errors', (harness) => {
  it('an operation outside the implemented set: UnknownOperationException with 404, through the SDK', async () => {
    const { client } = await harness.connect();
    const error = await rejectionOf(client.send(new ListUsersCommand({ UserPoolId: 'us-east-1_abc' })));
    expect(error.name).toBe('UnknownOperationException');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('a method other than POST: 405 with Allow: POST', async () => {
    const { endpoint } = await harness.connect();
    const response = await fetch(endpoint, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');
  });

  it('a path other than /: 404 UnknownOperationException', async () => {
    const { endpoint } = await harness.connect();
    const response = await fetch(`${endpoint}v1/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('a missing X-Amz-Target: 404; a wrong content type: 415 UnsupportedMediaTypeException', async () => {
    const { endpoint } = await harness.connect();
    const noTarget = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(noTarget.status).toBe(404);
    const wrongType = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-target': target }, body: '{}' });
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).__type).toBe('UnsupportedMediaTypeException');
  });

  it('a body that is not JSON: 400 SerializationException; an empty body: the missing members', async () => {
    const { endpoint } = await harness.connect();
    const headers = { 'content-type': 'application/x-amz-json-1.1; charset=utf-8', 'x-amz-target': target };
    const broken = await fetch(endpoint, { method: 'POST', headers, body: '{"Token":' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).__type).toBe('SerializationException');
    const empty = await fetch(endpoint, { method: 'POST', headers });
    expect(empty.status).toBe(400);
    expect((await empty.json()).message).toMatch(/^2 validation errors detected/);
  });
});
