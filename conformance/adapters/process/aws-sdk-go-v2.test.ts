// The AWS SDK for Go v2 through the process adapter, against a stub awsJson1_1 service on
// 127.0.0.1. The first run downloads the pinned modules and compiles the shim into
// .cache/bin (30 to 60 s on two cores); later runs only hash the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessAdapter, type ProcessAdapter } from '../process.ts';
import createAwsSdkGoV2Adapter, { goShimBinary } from './aws-sdk-go-v2.ts';
import { StubService } from './test-fixtures/stub-service.ts';
import { INPUT, observe, WIRE_VARIANTS, wireProblems } from './test-fixtures/wire-variants.ts';

let stub: StubService;
let adapter: ProcessAdapter;

beforeAll(async () => {
  stub = await new StubService().start();
  adapter = await createAwsSdkGoV2Adapter({ endpoint: stub.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await stub?.stop();
});

describe('aws-sdk-go-v2 shim', () => {
  it('announces the pinned service module, one attempt per call, cancellation', () => {
    expect(adapter.name).toBe('aws-sdk-go-v2 cognitoidentityprovider v1.61.0');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member it has', async () => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.success);
    expect(outcome).toEqual({ ok: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1' } } });
    expect(requests).toHaveLength(1);
    expect(wireProblems(requests[0]!, INPUT)).toEqual([]);
    expect(requests[0]!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
  });

  it('cannot express RevokeAssociatedSessions (not in this SDK version) and says so without sending', async () => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.success, { ...INPUT, RevokeAssociatedSessions: 'LINKED' });
    expect(requests).toHaveLength(0);
    expect(outcome).toMatchObject({ error: { name: 'ShimCannotExpressInput' } });
  });

  // What the Go SDK makes of each answer. Unlike botocore it reads x-amzn-ErrorType, and
  // prefers it to __type when both are present; a body that is not JSON is a
  // DeserializationError; an empty error body gives the code and message "UnknownError".
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', $metadata: { httpStatusCode: 400, requestId: 'req-modeled-2' } }],
    ['headerOnlyError', { name: 'UnauthorizedException', message: 'Unauthorized via the header', $metadata: { httpStatusCode: 400, requestId: 'req-header-3' } }],
    [
      'html502',
      {
        name: 'DeserializationError',
        message: "deserialization failed, failed to decode response body, invalid character '<' looking for beginning of value",
        $metadata: { httpStatusCode: 502, requestId: undefined },
      },
    ],
    ['headerAndTypeDisagree', { name: 'UnauthorizedException', message: 'Both places', $metadata: { httpStatusCode: 400, requestId: 'req-both-5' } }],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400, requestId: 'req-ns-6' } }],
    ['emptyBody500', { name: 'UnknownError', message: 'UnknownError', $metadata: { httpStatusCode: 500, requestId: 'req-empty-7' } }],
  ] as const)('decodes %s', async (variant, error) => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS[variant]);
    expect(outcome).toEqual({ error });
    expect(requests).toHaveLength(1);
    expect(wireProblems(requests[0]!, INPUT)).toEqual([]);
  });

  it('checks required members before sending (InvalidParamsError), but no lengths or patterns', async () => {
    const missing = await observe(adapter, stub, WIRE_VARIANTS.success, { Token: 't' });
    expect(missing.requests).toHaveLength(0);
    expect(missing.outcome).toMatchObject({ error: { name: 'InvalidParamsError', message: expect.stringContaining('missing required field, RevokeTokenInput.ClientId') } });

    const input = { Token: 'not a token!', ClientId: '', ClientSecret: 'short' };
    const sent = await observe(adapter, stub, WIRE_VARIANTS.success, input);
    expect(sent.outcome).toHaveProperty('ok');
    expect(wireProblems(sent.requests[0]!, input)).toEqual([]);
  });

  it('reports an endpoint that refuses connections as RequestSendError', async () => {
    const error = await adapter.revokeToken(INPUT, { endpoint: 'http://127.0.0.1:1', region: 'us-east-1' }).catch((e: unknown) => e as Error & { $metadata?: unknown });
    expect(error).toMatchObject({ name: 'RequestSendError', message: expect.stringMatching(/connection refused/) });
    expect(error).not.toHaveProperty('$metadata');
  });

  it('cancels a call through its context when the signal aborts', async () => {
    stub.answerWith({ hang: true, status: 200 });
    const controller = new AbortController();
    const arrived = stub.nextRequest();
    const call = adapter.revokeToken(INPUT, { endpoint: stub.endpoint, region: 'us-east-1', signal: controller.signal });
    await arrived;
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'CanceledError' });
    expect(stub.requests).toHaveLength(1);
    // Same process afterwards.
    expect(adapter.diagnostics().starts).toBe(1);
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});

describe('aws-sdk-go-v2 shim with SHIM_RETRY_MODE=standard', () => {
  it('declares retries and retries what the SDK classifies as retryable, without back-off delays', async () => {
    const retrying = await createProcessAdapter({ command: [goShimBinary()], env: { SHIM_RETRY_MODE: 'standard' } });
    try {
      expect(retrying.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: true, maxAttempts: 3 });
      const counts: Record<string, number> = {};
      for (const variant of ['modeledError', 'namespacedType', 'emptyBody500', 'html502'] as const) {
        counts[variant] = (await observe(retrying, stub, WIRE_VARIANTS[variant])).requests.length;
      }
      // TooManyRequestsException is a throttling code for the Go SDK even with status 400.
      expect(counts).toEqual({ modeledError: 1, namespacedType: 3, emptyBody500: 3, html502: 3 });
    } finally {
      await retrying.close();
    }
  });
});
