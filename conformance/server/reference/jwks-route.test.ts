import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwksPoolId } from './jwks-route.ts';
import { createReferenceService } from './reference-service.ts';
import { ENDPOINT, scenario, signIn } from './test-support.ts';

const get = (path: string, method = 'GET') => new Request(new URL(path, ENDPOINT), { method });

describe('the JWKS route', () => {
  it('names the pool of a GET for /<pool id>/.well-known/jwks.json, and nothing else', () => {
    expect(jwksPoolId(get('/us-east-1_abc123/.well-known/jwks.json'))).toBe('us-east-1_abc123');
    expect(jwksPoolId(get('/us-east-1_abc123/.well-known/jwks.json', 'POST'))).toBeUndefined();
    expect(jwksPoolId(get('/us-east-1_abc123/.well-known/openid-configuration'))).toBeUndefined();
    expect(jwksPoolId(get('/.well-known/jwks.json'))).toBeUndefined();
    expect(jwksPoolId(get('/'))).toBeUndefined();
  });

  it("serves the key that verifies the service's access tokens, for its pools only", async () => {
    const service = createReferenceService();
    const s = await scenario(service);
    const tokens = await signIn(service, s);
    const response = await service.handle(get(`/${s.poolId}/.well-known/jwks.json`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const { keys } = (await response.json()) as { keys: { kid: string; n: string; e: string }[] };
    const [header = '', payload = '', signature = ''] = String(tokens.AccessToken).split('.');
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
    const key = keys.find((k) => k.kid === kid);
    expect(key).toBeDefined();
    const publicKey = createPublicKey({ key: { kty: 'RSA', n: key?.n, e: key?.e }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    // A pool this instance does not have gets the framework's answer, as any other path does.
    const unknown = await service.handle(get('/us-east-1_nothere/.well-known/jwks.json'));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });
});
