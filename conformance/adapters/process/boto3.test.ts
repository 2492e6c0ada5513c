// boto3 through the process adapter, against a stub awsJson1_1 service on 127.0.0.1. The
// first run builds .venv/boto3 from PyPI (about 15 s); later runs only check its stamp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessAdapter } from '../process.ts';
import createBoto3Adapter from './boto3.ts';
import { StubService } from './test-fixtures/stub-service.ts';
import { INPUT, observe, WIRE_VARIANTS, wireProblems } from './test-fixtures/wire-variants.ts';

let stub: StubService;
let adapter: ProcessAdapter;

beforeAll(async () => {
  stub = await new StubService().start();
  adapter = await createBoto3Adapter({ endpoint: stub.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await stub?.stop();
});

describe('boto3 shim', () => {
  it('announces boto3 and botocore 1.44.5, one attempt per call', () => {
    expect(adapter.name).toBe('boto3 1.44.5 (botocore 1.44.5)');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member set', async () => {
    const input = { ...INPUT, RevokeAssociatedSessions: 'LINKED' };
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.success, input);
    expect(outcome).toEqual({ ok: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1' } } });
    expect(requests).toHaveLength(1);
    expect(wireProblems(requests[0]!, input)).toEqual([]);
    // botocore's json.dumps spacing, and a single attempt announced as such.
    expect(requests[0]!.body).toContain('"Token": ');
    expect(requests[0]!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
  });

  // What botocore makes of each answer. botocore takes the error code from __type only (after
  // the last '#', before any ':'); without it the code is the HTTP status as a string, so an
  // error named only in x-amzn-ErrorType surfaces as "400". A 5xx with an empty or HTML body is
  // a generic error: code and message from the status line, and no request id.
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', $metadata: { httpStatusCode: 400, requestId: 'req-modeled-2' } }],
    ['headerOnlyError', { name: '400', message: 'Unauthorized via the header', $metadata: { httpStatusCode: 400, requestId: 'req-header-3' } }],
    ['html502', { name: '502', message: 'Bad Gateway', $metadata: { httpStatusCode: 502, requestId: undefined } }],
    ['headerAndTypeDisagree', { name: 'InvalidParameterException', message: 'Both places', $metadata: { httpStatusCode: 400, requestId: 'req-both-5' } }],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400, requestId: 'req-ns-6' } }],
    ['emptyBody500', { name: '500', message: 'Internal Server Error', $metadata: { httpStatusCode: 500, requestId: undefined } }],
  ] as const)('decodes %s', async (variant, error) => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS[variant]);
    expect(outcome).toEqual({ error });
    expect(requests).toHaveLength(1);
    expect(wireProblems(requests[0]!, INPUT)).toEqual([]);
  });

  it.each([
    ['a ClientSecret under 24 characters', { Token: 't', ClientId: 'c', ClientSecret: 'short' }, /Invalid length for parameter ClientSecret, value: 5, valid min length: 24/],
    ['an empty ClientId', { Token: 't', ClientId: '' }, /Invalid length for parameter ClientId, value: 0, valid min length: 1/],
    ['a missing ClientId', { Token: 't' }, /Missing required parameter in input: "ClientId"/],
  ])('rejects %s before sending anything (ParamValidationError)', async (_, input, message) => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.success, input);
    expect(requests).toHaveLength(0);
    expect(outcome).toMatchObject({ error: { name: 'ParamValidationError', message: expect.stringMatching(message) } });
    expect((outcome as { error: object }).error).not.toHaveProperty('$metadata');
  });

  it('sends input that breaks patterns and maximum lengths (botocore does not check them)', async () => {
    const input = { Token: 'not a token!', ClientId: 'c'.repeat(200) };
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.success, input);
    expect(outcome).toHaveProperty('ok');
    expect(wireProblems(requests[0]!, input)).toEqual([]);
  });

  it('reports an endpoint that refuses connections as EndpointConnectionError', async () => {
    await expect(adapter.revokeToken(INPUT, { endpoint: 'http://127.0.0.1:1', region: 'us-east-1' })).rejects.toMatchObject({ name: 'EndpointConnectionError' });
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});
