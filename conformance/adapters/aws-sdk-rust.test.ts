// The AWS SDK for Rust through the process adapter, driven by the suite's own engine
// (FakeService on 127.0.0.1, runCase, CLIENT_CHECKS). The first run downloads the pinned
// crates and compiles the shim into .cache/bin (minutes on two cores, see BENCHMARKS.md);
// later runs only hash the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createBrokenRustAdapter from '../self-test/broken-shims/aws-sdk-rust-unknown-error.ts';
import createAwsSdkRustAdapter, { rustShimBinary } from './aws-sdk-rust.ts';
import { resolveCapabilities } from './contract.ts';
import { createProcessAdapter } from './process-agent/process-adapter.ts';
import { type Engine, failedChecks, INPUT, requestRuleFailures, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createAwsSdkRustAdapter({ endpoint: engine.endpoint });
}, 900_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('aws-sdk-rust shim', () => {
  it('announces the pinned crate, one attempt per call, cancellation', () => {
    expect(adapter.name).toBe('aws-sdk-rust 1.144.0 (aws-sdk-cognitoidentityprovider)');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member it has', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success);
    expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1' } } });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.status).toBe('pass');
    const [request] = engine.service.requests;
    expect(JSON.parse(request!.body)).toEqual(INPUT);
    // RetryConfig::disabled is announced as a single attempt; no credentials, so no signature.
    expect(request!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('cannot express RevokeAssociatedSessions (not in this SDK version): the suite skips the case', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } });
    expect(result).toMatchObject({ status: 'not-applicable', reason: 'the adapter cannot send RevokeAssociatedSessions', requestCount: 0 });
  });

  it('refuses RevokeAssociatedSessions without sending when asked anyway', async () => {
    const capabilities = { ...resolveCapabilities(adapter), revokeAssociatedSessions: true };
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } }, { capabilities });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'ShimCannotExpressInput' } });
  });

  // What the Rust SDK makes of each answer. Like the Go SDK it reads x-amzn-ErrorType and
  // prefers it to __type. An answer it cannot read as a service error (a body that is not
  // JSON, an empty body with no code anywhere) is an SdkError::ResponseError, which keeps the
  // raw response and so the status and any request id. None of that breaks a rule.
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2' }],
    ['headerOnlyError', { name: 'UnauthorizedException', message: 'Unauthorized via the header', statusCode: 400, requestId: 'req-header-3' }],
    [
      'html502',
      {
        name: 'ResponseError',
        message: expect.stringMatching(/^response error: invalid input: malformed JSON error body: .*unexpected token '<'/),
        statusCode: 502,
        requestId: undefined,
      },
    ],
    ['headerAndTypeDisagree', { name: 'UnauthorizedException', message: 'Both places', statusCode: 400, requestId: 'req-both-5' }],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400, requestId: 'req-ns-6' }],
    ['emptyBody500', { name: 'ResponseError', message: expect.stringMatching(/^response error: unhandled error/), statusCode: 500, requestId: 'req-empty-7' }],
  ] as const)('decodes %s', async (variant, error) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, hasMetadata: true } });
    expect(result.requestCount).toBe(1);
    expect(failedChecks(result)).toEqual([]);
  });

  it('sends whatever it is given: no required-member, length or pattern checks before sending', async () => {
    for (const params of [{ Token: 't' }, {}, { Token: 'not a token!', ClientId: '', ClientSecret: 'short' }]) {
      const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params, tags: ['invalid-input'] });
      expect(result.outcome, JSON.stringify(params)).toMatchObject({ kind: 'resolved' });
      expect(result.requestCount).toBe(1);
      expect(requestRuleFailures(result)).toEqual([]);
      expect(result.verdicts.find((v) => v.check === 'C11')).toMatchObject({ status: 'pass' });
    }
  });

  it('reports an endpoint that refuses connections as DispatchFailure', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success, { endpoint: 'http://127.0.0.1:1' });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'DispatchFailure', message: expect.stringMatching(/Connection refused/), hasMetadata: false },
    });
  });

  it('cancels a call by dropping its future when the signal aborts', async () => {
    // The engine aborts as soon as the first request arrives; the service never answers it.
    const result = await engine.run(adapter, { response: 'hang', expect: { outcome: 'error' }, mode: 'cancel' });
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'Cancelled' } });
    expect(result.requestCount).toBe(1);
    expect(result.verdicts.find((v) => v.check === 'A2')).toMatchObject({ status: 'pass' });
    expect(result.status).toBe('pass');
    // Same process afterwards, and it still answers.
    expect(adapter.diagnostics().starts).toBe(1);
    expect((await engine.run(adapter, WIRE_VARIANTS.success)).status).toBe('pass');
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});

describe('aws-sdk-rust shim with SHIM_RETRY_MODE=standard', () => {
  it('declares retries and retries what the SDK classifies as retryable, without back-off delays', async () => {
    const retrying = await createProcessAdapter({ command: [rustShimBinary()], env: { SHIM_RETRY_MODE: 'standard' }, endpoint: engine.endpoint });
    try {
      expect(retrying.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: true, maxAttempts: 3 });
      const counts: Record<string, number> = {};
      // Twice over: each case has its own retry partition, so earlier retries never use up later ones.
      for (const round of [1, 2]) {
        for (const variant of ['modeledError', 'namespacedType', 'emptyBody500', 'html502'] as const) {
          const result = await engine.run(retrying, WIRE_VARIANTS[variant]);
          counts[`${variant}${round}`] = result.requestCount;
          // Within the declared bound, and only what the suite also counts as retryable (A3).
          expect(failedChecks(result), variant).toEqual([]);
        }
      }
      expect(counts).toEqual({
        modeledError1: 1,
        namespacedType1: 3,
        emptyBody5001: 3,
        html5021: 3,
        modeledError2: 1,
        namespacedType2: 3,
        emptyBody5002: 3,
        html5022: 3,
      });
    } finally {
      await retrying.close();
    }
  });

  it('refuses a retry mode it does not know', async () => {
    await expect(createProcessAdapter({ command: [rustShimBinary()], env: { SHIM_RETRY_MODE: 'adaptive' }, endpoint: engine.endpoint })).rejects.toThrow(
      /SHIM_RETRY_MODE="adaptive" is not supported/,
    );
  });
});

describe('aws-sdk-rust shim built with the fault_unknown_error feature', () => {
  it('loses every service error code, and the suite fails it under C20', async () => {
    const broken = await createBrokenRustAdapter({ endpoint: engine.endpoint });
    try {
      expect(broken.name).toBe('aws-sdk-rust 1.144.0 (aws-sdk-cognitoidentityprovider) [FAULT: every service error decoded as UnknownError]');
      const result = await engine.run(broken, WIRE_VARIANTS.modeledError);
      expect(result.outcome).toEqual({
        kind: 'rejected',
        error: { name: 'UnknownError', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2', hasMetadata: true },
      });
      expect(failedChecks(result)).toContain('C20');
      // Answers without a service error are untouched.
      expect((await engine.run(broken, WIRE_VARIANTS.success)).status).toBe('pass');
    } finally {
      await broken.close();
    }
  }, 900_000);
});
