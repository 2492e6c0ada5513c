// The deliberately broken shims must show their one fault, and only that fault, to the suite's
// own engine (FakeService on 127.0.0.1, runCase, CLIENT_CHECKS): the self-tests rely on them
// failing for a known reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../../adapters/contract.ts';
import { type Engine, failedChecks, INPUT, REQUEST_RULES, startEngine, WIRE_VARIANTS } from '../../adapters/process-agent/test-fixtures/wire-variants.ts';
import type { ProcessAdapter } from '../../adapters/process-agent/types.ts';
import { judge } from '../../judging/judge.ts';
import createBrokenGoAdapter from './aws-sdk-go-v2-unknown-error.ts';
import createBrokenJavaAdapter from './aws-sdk-java-v2-target-uppercased.ts';
import createBrokenBoto3Adapter from './boto3-drops-client-secret.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(async () => {
  await engine?.close();
});

describe('broken boto3 shim: ClientSecret dropped', () => {
  let adapter: ProcessAdapter;
  beforeAll(async () => {
    adapter = await createBrokenBoto3Adapter({ endpoint: engine.endpoint });
  }, 600_000);
  afterAll(async () => {
    await adapter?.close();
  });

  it('names its fault', () => {
    expect(adapter.name).toMatch(/^boto3 1\.44\.5 .*\[FAULT: ClientSecret dropped from the request body\]$/);
  });

  it('sends the request without ClientSecret, and is otherwise correct', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success);
    expect(result.outcome).toMatchObject({ kind: 'resolved' });
    expect(failedChecks(result)).toEqual(['C8']);
    expect(result.verdicts.find((v) => v.check === 'C8')).toMatchObject({ expected: 'member ClientSecret' });
    // The same request, judged as a call without ClientSecret: every request rule holds.
    const { ClientSecret: _dropped, ...rest } = INPUT;
    const rejudged = judge(REQUEST_RULES, {
      case: { ...result.case, params: rest },
      requests: engine.service.requests,
      outcome: result.outcome!,
      capabilities: resolveCapabilities(adapter),
    });
    expect(rejudged.map((v) => v.check)).toEqual(REQUEST_RULES.filter((c) => c.rules[0] !== 'C10').map((c) => c.rules[0]));
    expect(failedChecks({ verdicts: rejudged })).toEqual([]);
  });
});

describe('broken aws-sdk-go-v2 shim: every service error decoded as UnknownError', () => {
  let adapter: ProcessAdapter;
  beforeAll(async () => {
    adapter = await createBrokenGoAdapter({ endpoint: engine.endpoint });
  }, 600_000);
  afterAll(async () => {
    await adapter?.close();
  });

  it('names its fault', () => {
    expect(adapter.name).toBe('aws-sdk-go-v2 cognitoidentityprovider v1.61.0 [FAULT: every service error decoded as UnknownError]');
  });

  it('loses the error code but keeps the message and metadata, with a correct request', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.modeledError);
    expect(result.outcome).toEqual({
      kind: 'rejected',
      error: { name: 'UnknownError', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2', hasMetadata: true },
    });
    // The error name (C20) is the only rule it breaks: message (C21), metadata (C24) and the request hold.
    expect(failedChecks(result)).toEqual(['C20']);
  });

  it('still succeeds on a success', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.success);
    expect(result.outcome).toMatchObject({ kind: 'resolved' });
    expect(result.status).toBe('pass');
  });
});

describe('broken aws-sdk-java-v2 shim: X-Amz-Target in upper case', () => {
  let adapter: ProcessAdapter;
  beforeAll(async () => {
    adapter = await createBrokenJavaAdapter({ endpoint: engine.endpoint });
  }, 600_000);
  afterAll(async () => {
    await adapter?.close();
  });

  it('names its fault', () => {
    expect(adapter.name).toBe('aws-sdk-java-v2 2.57.8 [FAULT: X-Amz-Target sent in upper case]');
  });

  it('sends the target in upper case, and is otherwise correct', async () => {
    const result = await engine.run(adapter, WIRE_VARIANTS.modeledError);
    expect(engine.service.requests[0]!.headers['x-amz-target']).toBe('AWSCOGNITOIDENTITYPROVIDERSERVICE.REVOKETOKEN');
    // The answer is still decoded as the Java SDK decodes it: only the request rule breaks.
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'UnsupportedTokenTypeException', statusCode: 400 } });
    expect(failedChecks(result)).toEqual(['C4']);
  });
});
