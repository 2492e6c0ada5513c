// The AWS SDK for Kotlin through the process adapter, driven by the suite's own engine
// (FakeService on 127.0.0.1, runCase, CLIENT_CHECKS). The first run resolves the pinned SDK and
// the Kotlin compiler into ~/.m2 and compiles the shim into .cache/java (BENCHMARKS.md has the
// times); later runs only hash the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createAwsSdkKotlinAdapter from './aws-sdk-kotlin.ts';
import { resolveCapabilities } from './contract.ts';
import { type Engine, failedChecks, INPUT, requestRuleFailures, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createAwsSdkKotlinAdapter({ endpoint: engine.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('aws-sdk-kotlin shim', () => {
  it('announces the pinned SDK, one attempt per call, cancellation', () => {
    expect(adapter.name).toBe('aws-sdk-kotlin 1.5.15');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: true, retries: false });
  });

  it('sends one unsigned awsJson1_1 request with every member it has, through the default OkHttp engine', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success);
    expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200 } } });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.status).toBe('pass');
    const [request] = engine.service.requests;
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers['amz-sdk-request']).toBe('attempt=1; max=1');
    expect(request!.headers['user-agent']).toMatch(/^aws-sdk-kotlin\/1\.5\.15 /);
  });

  it('cannot express RevokeAssociatedSessions (not in this SDK version): the suite skips the case', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } });
    expect(result).toMatchObject({ status: 'not-applicable', requestCount: 0 });
    const capabilities = { ...resolveCapabilities(adapter), revokeAssociatedSessions: true };
    const forced = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, RevokeAssociatedSessions: 'LINKED' } }, { capabilities });
    expect(forced.requestCount).toBe(0);
    expect(forced.outcome).toMatchObject({ kind: 'rejected', error: { name: 'ShimCannotExpressInput' } });
  });

  // What the Kotlin SDK makes of each answer. It names errors from x-amzn-ErrorType before
  // __type, strips namespaces and :URI suffixes, and reads message or Message. Its request id
  // comes from x-amz-request-id (S3's header name) for every protocol, so an awsJson1_1 error
  // never carries the x-amzn-RequestId the service sent: C24, listed in its expectations file.
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400 }],
    ['headerOnlyError', { name: 'UnauthorizedException', message: 'Unauthorized via the header', statusCode: 400 }],
    ['headerAndTypeDisagree', { name: 'UnauthorizedException', message: 'Both places', statusCode: 400 }],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400 }],
  ] as const)('decodes %s, without the request id', async (variant, error) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, requestId: undefined, hasMetadata: true } });
    expect(result.requestCount).toBe(1);
    expect(failedChecks(result)).toEqual(['C24']);
  });

  it('names an answer without an error code by the service base exception', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.html502);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'CognitoIdentityProviderException', statusCode: 502 } });
    expect(failedChecks(result)).toEqual([]);
  });

  it('checks nothing before sending: missing members, lengths and patterns all reach the service', async () => {
    for (const params of [{ Token: 't' }, { Token: 'not a token!', ClientId: '', ClientSecret: 'short' }, { Token: 't', ClientId: 'c'.repeat(200) }]) {
      const sent = await engine.run(adapter, { ...WIRE_VARIANTS.success, params, tags: ['invalid-input'] });
      expect(sent.outcome).toMatchObject({ kind: 'resolved' });
      expect(sent.requestCount).toBe(1);
      expect(requestRuleFailures(sent)).toEqual([]);
    }
  });

  it('sends a lone surrogate as "?" (the JVM encoder replaces it): C8, listed in its expectations file', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, ClientSecret: `\udfff${'+'.repeat(24)}` } });
    expect(result.requestCount).toBe(1);
    expect(JSON.parse(engine.service.requests.at(-1)!.body).ClientSecret).toBe(`?${'+'.repeat(24)}`);
    expect(failedChecks(result)).toEqual(['C8']);
  });

  it('refuses input RevokeTokenRequest cannot carry (a member that is not a string) without sending', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { ...INPUT, Token: 5 as unknown as string } });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'ShimCannotExpressInput', message: expect.stringContaining('Token is not a string') },
    });
  });

  it('reports an endpoint that refuses connections as HttpException, after one attempt', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success, { endpoint: 'http://127.0.0.1:1' });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'HttpException', hasMetadata: false } });
  });

  it('cancels a call by cancelling its coroutine when the signal aborts, and keeps its process', async () => {
    // The engine aborts as soon as the first request arrives; the service never answers it.
    const result = await engine.run(adapter, { response: 'hang', expect: { outcome: 'error' }, mode: 'cancel' });
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'CancellationException' } });
    expect(result.requestCount).toBe(1);
    expect(result.verdicts.find((v) => v.check === 'A2')).toMatchObject({ status: 'pass' });
    expect(result.status).toBe('pass');
    expect(adapter.diagnostics().starts).toBe(1);
    expect((await engine.run(adapter, WIRE_VARIANTS.success)).status).toBe('pass');
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});
