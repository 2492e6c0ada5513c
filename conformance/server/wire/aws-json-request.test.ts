import { describe, expect, it } from 'vitest';
import { awsJsonRequest } from './aws-json-request.ts';

const endpoint = new URL('http://127.0.0.1:9229');

describe('awsJsonRequest', () => {
  it('builds the request an SDK sends: POST /, the protocol headers and an exact Content-Length', () => {
    const request = awsJsonRequest(endpoint, 'RevokeToken', { Token: 'é' });
    expect(request).toMatchObject({ method: 'POST', path: '/' });
    expect(request.headers).toEqual({
      host: '127.0.0.1:9229',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken',
      'content-length': String(new TextEncoder().encode('{"Token":"é"}').byteLength),
    });
  });

  it('sends bytes as they are, and varies or removes headers on request', () => {
    const bytes = new Uint8Array([0x7b, 0xff]);
    const request = awsJsonRequest(endpoint, 'RevokeToken', bytes, {
      method: 'PUT',
      path: '/x',
      headers: { 'Content-Type': undefined, 'X-Amz-Target': 'Other.Op' },
    });
    expect(request.body).toBe(bytes);
    expect(request.headers['content-type']).toBeUndefined();
    expect(request.headers['x-amz-target']).toBe('Other.Op');
    expect(request.headers['content-length']).toBe('2');
    expect(request).toMatchObject({ method: 'PUT', path: '/x' });
  });
});
