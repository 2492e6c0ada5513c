import { describe, expect, it } from 'vitest';
import { pythonJson, REQUEST_FORMS, revokeRequestIn } from './request-forms.ts';

const endpoint = new URL('http://127.0.0.1:9/');
const input = { Token: 'a-token', ClientId: 'a-client', ClientSecret: 'a-secret' };
const bodyOf = async (form: (typeof REQUEST_FORMS)[number]) => new TextDecoder().decode((await revokeRequestIn(form, endpoint, 'us-east-1', input)).body);

describe('request forms', () => {
  it('writes JSON the way json.dumps does', () => {
    expect(pythonJson({ a: 'x', b: 2 })).toBe('{"a": "x", "b": 2}');
  });

  it('writes the same input in every form, and only the botocore one differs in its text', async () => {
    for (const form of REQUEST_FORMS) expect(JSON.parse(await bodyOf(form))).toEqual(input);
    expect(await bodyOf('botocore')).toBe('{"ClientId": "a-client", "Token": "a-token", "ClientSecret": "a-secret"}');
    expect(await bodyOf('plain')).toBe(JSON.stringify(input));
  });

  it('adds the headers of each client, and a signature only to the signed form', async () => {
    const headers = async (form: (typeof REQUEST_FORMS)[number]) => (await revokeRequestIn(form, endpoint, 'us-east-1', input)).headers;
    expect(await headers('aws-sdk-js-v3')).toMatchObject({ 'amz-sdk-request': 'attempt=1; max=3', 'x-amz-user-agent': 'aws-sdk-js/3.1169.0' });
    expect((await headers('botocore'))['user-agent']).toMatch(/^Boto3\//);
    expect((await headers('signed'))['authorization']).toMatch(/^AWS4-HMAC-SHA256 /);
    for (const form of ['plain', 'aws-sdk-js-v3', 'botocore'] as const) expect((await headers(form))['authorization']).toBeUndefined();
    const botocore = await revokeRequestIn('botocore', endpoint, 'us-east-1', input);
    expect(botocore.headers['content-length']).toBe(String(botocore.body.byteLength));
  });
});
