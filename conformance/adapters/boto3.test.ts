// boto3 through the process adapter, driven by the suite's own engine (FakeService on 127.0.0.1,
// runCase, CLIENT_CHECKS). The first run builds .venv/boto3 from PyPI (about 15 s); later runs
// only check its stamp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createBoto3Adapter from './boto3.ts';
import { type Engine, failedChecks, INPUT, requestRuleFailures, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createBoto3Adapter({ endpoint: engine.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('boto3 shim', () => {
  it('announces boto3 and botocore 1.44.5, one attempt per call', () => {
    expect(adapter.name).toBe('boto3 1.44.5 (botocore 1.44.5)');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member set', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } });
    expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1' } } });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.status).toBe('pass');
    // botocore's json.dumps spacing, and a single attempt announced as such.
    const [request] = engine.service.requests;
    expect(request!.body).toContain('"Token": ');
    expect(request!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
  });

  // What botocore makes of each answer. botocore takes the error code from __type only (after
  // the last '#', before any ':'); without it the code is the HTTP status as a string, so an
  // error named only in x-amzn-ErrorType surfaces as "400" and the header loses to __type (C14).
  // A 5xx with an empty or HTML body is a generic error: code and message from the status line,
  // and no request id (C24, a should).
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2' }, []],
    ['headerOnlyError', { name: '400', message: 'Unauthorized via the header', statusCode: 400, requestId: 'req-header-3' }, ['C14']],
    ['html502', { name: '502', message: 'Bad Gateway', statusCode: 502, requestId: undefined }, []],
    ['headerAndTypeDisagree', { name: 'InvalidParameterException', message: 'Both places', statusCode: 400, requestId: 'req-both-5' }, ['C14']],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400, requestId: 'req-ns-6' }, []],
    ['emptyBody500', { name: '500', message: 'Internal Server Error', statusCode: 500, requestId: undefined }, ['C24']],
  ] as const)('decodes %s', async (variant, error, failed) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, hasMetadata: true } });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(failedChecks(result)).toEqual(failed);
  });

  it.each([
    [
      'a ClientSecret under 24 characters',
      { Token: 't', ClientId: 'c', ClientSecret: 'short' },
      /Invalid length for parameter ClientSecret, value: 5, valid min length: 24/,
    ],
    ['an empty ClientId', { Token: 't', ClientId: '' }, /Invalid length for parameter ClientId, value: 0, valid min length: 1/],
    ['a missing ClientId', { Token: 't' }, /Missing required parameter in input: "ClientId"/],
  ])('rejects %s before sending anything (ParamValidationError)', async (_, params, message) => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params, tags: ['invalid-input'] });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'ParamValidationError', message: expect.stringMatching(message), hasMetadata: false },
    });
    expect(result.verdicts.find((v) => v.check === 'C11')).toMatchObject({ status: 'fail', level: 'should' });
  });

  it('sends input that breaks patterns and maximum lengths (botocore does not check them)', async () => {
    const result = await engine.run(adapter, {
      ...WIRE_VARIANTS.success,
      params: { Token: 'not a token!', ClientId: 'c'.repeat(200) },
      tags: ['invalid-input'],
    });
    expect(result.outcome).toMatchObject({ kind: 'resolved' });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.verdicts.find((v) => v.check === 'C11')).toMatchObject({ status: 'pass' });
  });

  it('reports an endpoint that refuses connections as EndpointConnectionError', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success, { endpoint: 'http://127.0.0.1:1' });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'EndpointConnectionError' } });
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});
