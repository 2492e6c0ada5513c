// The AWS SDK for Go v2 through the process adapter, driven by the suite's own engine
// (FakeService on 127.0.0.1, runCase, CLIENT_CHECKS). The first run downloads the pinned
// modules and compiles the shim into .cache/bin (30 to 60 s on two cores); later runs only
// hash the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createAwsSdkGoV2Adapter, { goShimBinary } from './aws-sdk-go-v2.ts';
import { resolveCapabilities } from './contract.ts';
import { createProcessAdapter } from './process-agent/process-adapter.ts';
import { type Engine, failedChecks, INPUT, requestRuleFailures, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createAwsSdkGoV2Adapter({ endpoint: engine.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('aws-sdk-go-v2 shim', () => {
  it('announces the pinned service module, one attempt per call, cancellation', () => {
    expect(adapter.name).toBe('aws-sdk-go-v2 cognitoidentityprovider v1.61.0');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member it has', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success);
    expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1' } } });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.status).toBe('pass');
    expect(engine.service.requests[0]!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
  });

  it('cannot express RevokeAssociatedSessions (not in this SDK version): the suite skips the case', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } });
    expect(result).toMatchObject({ status: 'not-applicable', reason: 'the adapter cannot send RevokeAssociatedSessions', requestCount: 0 });
  });

  it('refuses RevokeAssociatedSessions without sending when asked anyway', async () => {
    const capabilities = { ...resolveCapabilities(adapter), revokeAssociatedSessions: true };
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } }, { capabilities });
    expect(result.requestCount).toBe(0);
    expect(engine.service.requests).toEqual([]);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'ShimCannotExpressInput' } });
  });

  // What the Go SDK makes of each answer. Unlike botocore it reads x-amzn-ErrorType, and
  // prefers it to __type when both are present; a body that is not JSON is a
  // DeserializationError; an empty error body gives the code and message "UnknownError".
  // None of that breaks a rule.
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2' }],
    ['headerOnlyError', { name: 'UnauthorizedException', message: 'Unauthorized via the header', statusCode: 400, requestId: 'req-header-3' }],
    [
      'html502',
      {
        name: 'DeserializationError',
        message: "deserialization failed, failed to decode response body, invalid character '<' looking for beginning of value",
        statusCode: 502,
        requestId: undefined,
      },
    ],
    ['headerAndTypeDisagree', { name: 'UnauthorizedException', message: 'Both places', statusCode: 400, requestId: 'req-both-5' }],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400, requestId: 'req-ns-6' }],
    ['emptyBody500', { name: 'UnknownError', message: 'UnknownError', statusCode: 500, requestId: 'req-empty-7' }],
  ] as const)('decodes %s', async (variant, error) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, hasMetadata: true } });
    expect(result.requestCount).toBe(1);
    expect(failedChecks(result)).toEqual([]);
  });

  it('checks required members before sending (InvalidParamsError), but no lengths or patterns', async () => {
    const missing = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { Token: 't' }, tags: ['invalid-input'] });
    expect(missing.requestCount).toBe(0);
    expect(missing.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'InvalidParamsError', message: expect.stringContaining('missing required field, RevokeTokenInput.ClientId') },
    });
    expect(missing.verdicts.find((v) => v.check === 'C11')).toMatchObject({ status: 'fail', level: 'should' });

    const sent = await engine.run(adapter, {
      ...WIRE_VARIANTS.success,
      params: { Token: 'not a token!', ClientId: '', ClientSecret: 'short' },
      tags: ['invalid-input'],
    });
    expect(sent.outcome).toMatchObject({ kind: 'resolved' });
    expect(sent.requestCount).toBe(1);
    expect(requestRuleFailures(sent)).toEqual([]);
    expect(sent.verdicts.find((v) => v.check === 'C11')).toMatchObject({ status: 'pass' });
  });

  it('reports an endpoint that refuses connections as RequestSendError', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success, { endpoint: 'http://127.0.0.1:1' });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'RequestSendError', message: expect.stringMatching(/connection refused/), hasMetadata: false },
    });
  });

  it('cancels a call through its context when the signal aborts', async () => {
    // The engine aborts as soon as the first request arrives; the service never answers it.
    const result = await engine.run(adapter, { response: 'hang', expect: { outcome: 'error' }, mode: 'cancel' });
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'CanceledError' } });
    expect(result.requestCount).toBe(1);
    expect(result.verdicts.find((v) => v.check === 'A2')).toMatchObject({ status: 'pass' });
    expect(result.status).toBe('pass');
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
    const retrying = await createProcessAdapter({ command: [goShimBinary()], env: { SHIM_RETRY_MODE: 'standard' }, endpoint: engine.endpoint });
    try {
      expect(retrying.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: true, maxAttempts: 3 });
      const counts: Record<string, number> = {};
      for (const variant of ['modeledError', 'namespacedType', 'emptyBody500', 'html502'] as const) {
        const result = await engine.run(retrying, WIRE_VARIANTS[variant]);
        counts[variant] = result.requestCount;
        // Within the declared bound, and only what the suite also counts as retryable (A3).
        expect(failedChecks(result), variant).toEqual([]);
      }
      // TooManyRequestsException is a throttling code for the Go SDK even with status 400.
      expect(counts).toEqual({ modeledError: 1, namespacedType: 3, emptyBody500: 3, html502: 3 });
    } finally {
      await retrying.close();
    }
  });
});
