// The AWS SDK for Java 2.x through the process adapter, driven by the suite's own engine
// (FakeService on 127.0.0.1, runCase, CLIENT_CHECKS). The first run resolves the pinned SDK
// into ~/.m2 and compiles the shim into .cache/java (about 10 s with Maven Central access);
// later runs only hash the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createAwsSdkJavaV2Adapter, { javaShimCommand } from './aws-sdk-java-v2.ts';
import { resolveCapabilities } from './contract.ts';
import { createProcessAdapter } from './process-agent/process-adapter.ts';
import { type Engine, failedChecks, INPUT, requestRuleFailures, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createAwsSdkJavaV2Adapter({ endpoint: engine.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('aws-sdk-java-v2 shim', () => {
  it('announces the pinned SDK, one attempt per call, cancellation', () => {
    expect(adapter.name).toBe('aws-sdk-java-v2 2.57.8');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member it has, through the Apache client', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success);
    expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1' } } });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.status).toBe('pass');
    const [request] = engine.service.requests;
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
    expect(request!.headers['user-agent']).toMatch(/^aws-sdk-java\/2\.57\.8 .*md\/http#Apache/);
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

  // What the Java SDK makes of each answer (AwsJsonProtocolErrorUnmarshaller): it reads
  // x-amzn-ErrorType and prefers it to __type, strips namespaces, and reads message or Message.
  // An answer without a code (HTML, empty body) leaves awsErrorDetails().errorCode() null: the
  // caller gets the service's base exception, CognitoIdentityProviderException, with an empty
  // message, and the shim names it by that class. None of that breaks a rule.
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2' }],
    ['headerOnlyError', { name: 'UnauthorizedException', message: 'Unauthorized via the header', statusCode: 400, requestId: 'req-header-3' }],
    ['html502', { name: 'CognitoIdentityProviderException', message: '', statusCode: 502, requestId: undefined }],
    ['headerAndTypeDisagree', { name: 'UnauthorizedException', message: 'Both places', statusCode: 400, requestId: 'req-both-5' }],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400, requestId: 'req-ns-6' }],
    ['emptyBody500', { name: 'CognitoIdentityProviderException', message: '', statusCode: 500, requestId: 'req-empty-7' }],
  ] as const)('decodes %s', async (variant, error) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, hasMetadata: true } });
    expect(result.requestCount).toBe(1);
    expect(failedChecks(result)).toEqual([]);
  });

  it('checks nothing before sending: missing members, lengths and patterns all reach the service', async () => {
    for (const params of [{ Token: 't' }, { Token: 'not a token!', ClientId: '', ClientSecret: 'short' }, { Token: 't', ClientId: 'c'.repeat(200) }]) {
      const sent = await engine.run(adapter, { ...WIRE_VARIANTS.success, params, tags: ['invalid-input'] });
      expect(sent.outcome).toMatchObject({ kind: 'resolved' });
      expect(sent.requestCount).toBe(1);
      expect(requestRuleFailures(sent)).toEqual([]);
      expect(sent.verdicts.find((v) => v.check === 'C11')).toMatchObject({ status: 'pass' });
    }
  });

  it('refuses input RevokeTokenRequest cannot carry (a member that is not a string) without sending', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, Token: 5 as unknown as string } });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'ShimCannotExpressInput', message: expect.stringContaining('Token is not a string') },
    });
  });

  it('reports an endpoint that refuses connections as SdkClientException, after one attempt', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success, { endpoint: 'http://127.0.0.1:1' });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'SdkClientException', message: expect.stringMatching(/Connection refused \(SDK Attempt Count: 1\)/), hasMetadata: false },
    });
  });

  it('cancels a call by aborting its HTTP exchange when the signal aborts', async () => {
    // The engine aborts as soon as the first request arrives; the service never answers it.
    const result = await engine.run(adapter, { response: 'hang', expect: { outcome: 'error' }, mode: 'cancel' });
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'SdkClientException', message: expect.stringContaining('Socket closed') } });
    expect(result.requestCount).toBe(1);
    expect(result.verdicts.find((v) => v.check === 'A2')).toMatchObject({ status: 'pass' });
    expect(result.status).toBe('pass');
    // Same process afterwards, and it still works.
    expect(adapter.diagnostics().starts).toBe(1);
    expect((await engine.run(adapter, WIRE_VARIANTS.success)).status).toBe('pass');
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});

describe('aws-sdk-java-v2 shim with SHIM_RETRY_MODE=standard', () => {
  it('declares retries and retries what the SDK classifies as retryable, without back-off delays', async () => {
    const retrying = await createProcessAdapter({ command: javaShimCommand(), env: { SHIM_RETRY_MODE: 'standard' }, endpoint: engine.endpoint });
    try {
      expect(retrying.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: true, maxAttempts: 3 });
      const counts: Record<string, number> = {};
      for (const variant of ['modeledError', 'namespacedType', 'emptyBody500', 'html502'] as const) {
        const result = await engine.run(retrying, WIRE_VARIANTS[variant]);
        counts[variant] = result.requestCount;
        // Within the declared bound, and only what the suite also counts as retryable (A3).
        expect(failedChecks(result), variant).toEqual([]);
      }
      expect(engine.service.requests.at(-1)!.headers['amz-sdk-request']).toBe('attempt=3; max=3');
      // TooManyRequestsException is a throttling code for the Java SDK even with status 400.
      expect(counts).toEqual({ modeledError: 1, namespacedType: 3, emptyBody500: 3, html502: 3 });
    } finally {
      await retrying.close();
    }
  });

  it('refuses a retry mode it does not know at start-up', async () => {
    await expect(
      createProcessAdapter({ command: javaShimCommand(), env: { SHIM_RETRY_MODE: 'adaptive' }, endpoint: engine.endpoint, maxStartFailures: 1 }),
    ).rejects.toThrow(/SHIM_RETRY_MODE=adaptive is not supported/);
  });
});
