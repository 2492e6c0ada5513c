import { describe, expect, it } from 'vitest';
import { awsJsonRequest } from './aws-json-request.ts';
import { FAKE_CREDENTIALS, signedWithSigV4 } from './sigv4.ts';

const endpoint = new URL('http://127.0.0.1:9229');

describe('signedWithSigV4', () => {
  it('signs for cognito-idp in the region with the fake key, over the headers the request carries', async () => {
    const request = awsJsonRequest(endpoint, 'CreateUserPool', { PoolName: 'p' });
    const signed = await signedWithSigV4(request, endpoint, 'eu-west-1', new Date('2026-01-02T03:04:05Z'));
    const authorization = signed.headers['authorization'] ?? '';
    expect(authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${FAKE_CREDENTIALS.accessKeyId}/20260102/eu-west-1/cognito-idp/aws4_request, SignedHeaders=`),
    );
    expect(authorization).toMatch(/SignedHeaders=[^,]*content-type;host;[^,]*x-amz-target/);
    expect(signed.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(signed.body).toBe(request.body);
  });

  it('gives the same signature for the same request and time, and another for another body', async () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const one = await signedWithSigV4(awsJsonRequest(endpoint, 'RevokeToken', { Token: 'a' }), endpoint, 'us-east-1', at);
    const again = await signedWithSigV4(awsJsonRequest(endpoint, 'RevokeToken', { Token: 'a' }), endpoint, 'us-east-1', at);
    const other = await signedWithSigV4(awsJsonRequest(endpoint, 'RevokeToken', { Token: 'b' }), endpoint, 'us-east-1', at);
    expect(again.headers['authorization']).toBe(one.headers['authorization']);
    expect(other.headers['authorization']).not.toBe(one.headers['authorization']);
  });
});
