// The AWS CLI v1 through the process adapter, driven by the suite's own engine (FakeService on
// 127.0.0.1, runCase, CLIENT_CHECKS). The first run builds .venv/aws-cli-v1 from PyPI; later
// runs only check its stamp. One shim process serves every call (the CLI's driver is reused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createAwsCliV1Adapter from './aws-cli-v1.ts';
import { type Engine, failedChecks, INPUT, requestRuleFailures, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createAwsCliV1Adapter({ endpoint: engine.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('aws-cli-v1 shim', () => {
  it('announces the pinned CLI, one attempt per call, no RevokeAssociatedSessions in its model', () => {
    expect(adapter.name).toBe('aws-cli-v1 1.46.2');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: false, retries: false });
  });

  it('sends one unsigned awsJson1_1 request per call, the CLI naming itself, all from one process', async () => {
    for (let call = 0; call < 3; call += 1) {
      const result = await engine.run(adapter, WIRE_VARIANTS.success);
      expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: {} } });
      expect(result.requestCount).toBe(1);
      expect(requestRuleFailures(result)).toEqual([]);
      expect(result.status).toBe('pass');
    }
    const request = engine.service.requests.at(-1)!;
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['amz-sdk-request']).toBe('attempt=1');
    expect(request.headers['user-agent']).toMatch(/^aws-cli\/1\.46\.2 md\/Botocore#1\.43\.62 /);
    expect(adapter.diagnostics().starts).toBe(1);
  });

  // What a user of the command sees: the code and message from the line the CLI prints, no
  // HTTP status and no request id (so the errors carry no metadata and C24 does not apply).
  // botocore reads the code from __type only; without it the code is the HTTP status (C14).
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type' }, []],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded' }, []],
    ['headerOnlyError', { name: '400', message: 'Unauthorized via the header' }, ['C14']],
    ['headerAndTypeDisagree', { name: 'InvalidParameterException', message: 'Both places' }, ['C14']],
  ] as const)('decodes %s from the CLI output', async (variant, error, failed) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, hasMetadata: false } });
    expect(result.requestCount).toBe(1);
    expect(failedChecks(result)).toEqual(failed);
  });

  it('keeps a message of white space as the service sent it', async () => {
    const result = await engine.run(adapter, {
      response: { code: 400, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{"__type":"UnauthorizedException","message":"  "}' },
      expect: { outcome: 'error', name: 'UnauthorizedException', message: '  ' },
    });
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'UnauthorizedException', message: '  ' } });
  });

  it.each([
    ['a ClientSecret under 24 characters', { Token: 't', ClientId: 'c', ClientSecret: 'short' }, 'ParamValidationError', /valid min length: 24/],
    ['an empty ClientId', { Token: 't', ClientId: '' }, 'ParamValidationError', /valid min length: 1/],
    ['a missing ClientId (a usage error)', { Token: 't' }, 'AwsCliError', /the following arguments are required: --client-id/],
  ])('refuses %s before sending anything', async (_, params, name, message) => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params, tags: ['invalid-input'] });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name, message: expect.stringMatching(message), hasMetadata: false } });
  });

  it('passes values that look like options or URLs through as given (cli_follow_urlparam is off)', async () => {
    const params = { Token: '--client-id', ClientId: 'https://127.0.0.1:1/not-fetched', ClientSecret: `-${'s'.repeat(30)}` };
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params });
    expect(result.requestCount).toBe(1);
    expect(JSON.parse(engine.service.requests.at(-1)!.body)).toEqual(params);
  });

  it('makes one attempt even where botocore would retry (AWS_MAX_ATTEMPTS=1)', async () => {
    for (const variant of ['emptyBody500', 'html502', 'namespacedType'] as const) {
      const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
      expect(result.requestCount, variant).toBe(1);
    }
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
