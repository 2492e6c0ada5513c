// The AWS CLI v2 as Debian packages it (awscli 2.9.19), through the process adapter, driven by
// the suite's own engine (FakeService on 127.0.0.1, runCase, CLIENT_CHECKS). The first run
// installs the pinned Debian package (toolchains/debian-awscli.mjs); later runs only ask dpkg.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createAwsCliV2Adapter from './aws-cli-v2.ts';
import { type Engine, failedChecks, INPUT, startEngine, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from './process-agent/types.ts';

let engine: Engine;
let adapter: ProcessAdapter;

beforeAll(async () => {
  engine = await startEngine();
  adapter = await createAwsCliV2Adapter({ endpoint: engine.endpoint });
}, 600_000);

afterAll(async () => {
  await adapter?.close();
  await engine?.close();
});

describe('aws-cli-v2 shim', () => {
  it("announces Debian's CLI, one attempt per call, no RevokeAssociatedSessions in its model", () => {
    expect(adapter.name).toBe('aws-cli-v2 2.9.19');
    expect(adapter.capabilities).toEqual({ clientSecret: true, revokeAssociatedSessions: false, cancellation: false, retries: false });
  });

  it('signs RevokeToken with SigV4 (its old model does not mark it unsigned): C6, listed in its expectations file', async () => {
    for (let call = 0; call < 2; call += 1) {
      const result = await engine.run(adapter, WIRE_VARIANTS.success);
      expect(result.outcome).toEqual({ kind: 'resolved', value: { $metadata: {} } });
      expect(result.requestCount).toBe(1);
      expect(failedChecks(result)).toEqual(['C6']);
    }
    const request = engine.service.requests.at(-1)!;
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=\S+\/us-east-1\/cognito-idp\/aws4_request/);
    expect(request.headers['user-agent']).toMatch(/^aws-cli\/2\.9\.19 .*command\/cognito-idp\.revoke-token/);
    expect(adapter.diagnostics().starts).toBe(1);
  });

  // Its botocore strips a namespace# prefix from __type but not a :URI suffix (C15).
  it.each([
    ['modeledError', { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type' }, ['C6']],
    ['namespacedType', { name: 'TooManyRequestsException', message: 'Rate exceeded' }, ['C6']],
    ['headerOnlyError', { name: '400', message: 'Unauthorized via the header' }, ['C6', 'C14']],
  ] as const)('decodes %s from the CLI output', async (variant, error, failed) => {
    const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error: { ...error, hasMetadata: false } });
    expect(failedChecks(result)).toEqual(failed);
  });

  it('keeps the :URI suffix of a __type', async () => {
    const result = await engine.run(adapter, {
      response: {
        code: 400,
        headers: { 'Content-Type': 'application/x-amz-json-1.1' },
        body: '{"__type":"UnsupportedOperationException:http://internal.amazon.com/coral/com.amazon.coral.validate/","message":"m"}',
      },
      expect: { outcome: 'error', name: 'UnsupportedOperationException', message: 'm' },
    });
    expect(result.outcome).toMatchObject({
      kind: 'rejected',
      error: { name: 'UnsupportedOperationException:http://internal.amazon.com/coral/com.amazon.coral.validate/' },
    });
  });

  it('makes one attempt even where botocore would retry (AWS_MAX_ATTEMPTS=1)', async () => {
    for (const variant of ['emptyBody500', 'html502', 'namespacedType'] as const) {
      const result = await engine.run(adapter, WIRE_VARIANTS[variant]);
      expect(result.requestCount, variant).toBe(1);
    }
  });

  it('refuses an empty ClientId before sending anything', async () => {
    const result = await engine.run(adapter, { ...WIRE_VARIANTS.success, params: { Token: 't', ClientId: '' }, tags: ['invalid-input'] });
    expect(result.requestCount).toBe(0);
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'ParamValidationError', message: expect.stringContaining('exit 252') } });
  });

  it('writes nothing sensitive to stderr', () => {
    const stderr = adapter.diagnostics().stderr.join('\n');
    for (const value of [INPUT.Token!, INPUT.ClientId!, INPUT.ClientSecret!]) expect(stderr).not.toContain(value);
  });
});
