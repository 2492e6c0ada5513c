import { describe, expect, it } from 'vitest';
import { createReferenceService } from './reference-service.ts';
import { serveReference } from './serve-reference.ts';

const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPool' };

describe('serveReference', () => {
  it('serves a new service on a free loopback port', async () => {
    const served = await serveReference();
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${served.url}/`, { method: 'POST', headers, body: '{"PoolName":"p"}' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String((await response.clone().arrayBuffer()).byteLength));
      expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    } finally {
      await served.close();
    }
  });

  it('serves a given service, so tests can share state with it', async () => {
    const service = createReferenceService({ region: 'eu-north-1' });
    const served = await serveReference({ service });
    try {
      expect(served.service).toBe(service);
      const body = await (await fetch(`${served.url}/`, { method: 'POST', headers, body: '{"PoolName":"p"}' })).json();
      expect(body.UserPool.Id).toMatch(/^eu-north-1_/);
    } finally {
      await served.close();
    }
  });
});
