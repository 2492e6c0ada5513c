import { describe, expect, it } from 'vitest';
import { claimRequest } from './routing.ts';

const operations = new Set(['RevokeToken', 'GetUser'] as const);

function request(overrides: { url?: string; method?: string; headers?: Record<string, string> } = {}): Request {
  const method = overrides.method ?? 'POST';
  return new Request(overrides.url ?? 'http://127.0.0.1:1/', {
    method,
    headers: overrides.headers ?? {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken',
    },
    body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
  });
}

function refusal(claim: ReturnType<typeof claimRequest>): { type: string; status: number; headers: Record<string, string> } {
  if (claim.ok) throw new Error('expected a refusal');
  return { type: claim.error.type, status: claim.error.status, headers: { ...claim.error.headers } };
}

describe('claimRequest', () => {
  it('claims a POST to / with the awsJson 1.1 content type and a bound target', () => {
    expect(claimRequest(request(), operations)).toEqual({ ok: true, operation: 'RevokeToken' });
  });

  it('accepts media-type parameters and any letter case in the content type', () => {
    for (const type of ['application/x-amz-json-1.1; charset=utf-8', 'Application/X-Amz-Json-1.1', ' application/x-amz-json-1.1 ;q=1']) {
      const claim = claimRequest(request({ headers: { 'content-type': type, 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' } }), operations);
      expect(claim).toEqual({ ok: true, operation: 'GetUser' });
    }
  });

  it('ignores a query string', () => {
    expect(claimRequest(request({ url: 'http://127.0.0.1:1/?x=1' }), operations).ok).toBe(true);
  });

  it('answers 404 UnknownOperationException for another path', () => {
    expect(refusal(claimRequest(request({ url: 'http://127.0.0.1:1/custom/' }), operations))).toMatchObject({ type: 'UnknownOperationException', status: 404 });
  });

  it('answers 405 with Allow: POST for another method on /', () => {
    for (const method of ['GET', 'PUT', 'HEAD', 'DELETE']) {
      expect(refusal(claimRequest(request({ method }), operations))).toEqual({
        type: 'UnknownOperationException',
        status: 405,
        headers: { Allow: 'POST' },
      });
    }
  });

  it('answers 404 for a missing, foreign or unbound target', () => {
    const targets = [
      undefined,
      'RevokeToken',
      'AWSCognitoIdentityService.RevokeToken',
      'AWSCognitoIdentityProviderService.ListUsers',
      'AWSCognitoIdentityProviderService.revoketoken',
      'AWSCognitoIdentityProviderService.',
    ];
    for (const target of targets) {
      const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
      if (target !== undefined) headers['x-amz-target'] = target;
      expect(refusal(claimRequest(request({ headers }), operations))).toMatchObject({ type: 'UnknownOperationException', status: 404 });
    }
  });

  it('answers 415 UnsupportedMediaTypeException for a missing or different content type, once the target is known', () => {
    for (const type of [undefined, 'application/json', 'application/x-amz-json-1.0', 'text/plain']) {
      const headers: Record<string, string> = { 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' };
      if (type !== undefined) headers['content-type'] = type;
      expect(refusal(claimRequest(request({ headers }), operations))).toMatchObject({ type: 'UnsupportedMediaTypeException', status: 415 });
    }
  });

  it('checks the path before the method, and the target before the content type', () => {
    expect(refusal(claimRequest(request({ url: 'http://127.0.0.1:1/x', method: 'GET' }), operations)).status).toBe(404);
    expect(refusal(claimRequest(request({ headers: { 'content-type': 'text/plain', 'x-amz-target': 'Nope.Nope' } }), operations)).status).toBe(404);
  });
});
