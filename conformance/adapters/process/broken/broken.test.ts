// The deliberately broken shims must show their one fault, and only that fault, on the wire
// or in what they decode: the suite's self-tests rely on them failing for a known reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessAdapter } from '../../process.ts';
import { StubService } from '../test-fixtures/stub-service.ts';
import { INPUT, observe, WIRE_VARIANTS, wireProblems } from '../test-fixtures/wire-variants.ts';
import createBrokenGoAdapter from './aws-sdk-go-v2-unknown-error.ts';
import createBrokenBoto3Adapter from './boto3-drops-client-secret.ts';

let stub: StubService;
beforeAll(async () => {
  stub = await new StubService().start();
});
afterAll(async () => {
  await stub?.stop();
});

describe('broken boto3 shim: ClientSecret dropped', () => {
  let adapter: ProcessAdapter;
  beforeAll(async () => {
    adapter = await createBrokenBoto3Adapter({ endpoint: stub.endpoint });
  }, 600_000);
  afterAll(async () => {
    await adapter?.close();
  });

  it('names its fault', () => {
    expect(adapter.name).toMatch(/^boto3 1\.44\.5 .*\[FAULT: ClientSecret dropped from the request body\]$/);
  });

  it('sends the request without ClientSecret, and is otherwise correct', async () => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.success);
    expect(outcome).toHaveProperty('ok');
    expect(wireProblems(requests[0]!, INPUT)).toEqual(['body members ClientId,Token instead of ClientId,ClientSecret,Token']);
    const { ClientSecret: _dropped, ...rest } = INPUT;
    expect(wireProblems(requests[0]!, rest)).toEqual([]);
  });
});

describe('broken aws-sdk-go-v2 shim: every service error decoded as UnknownError', () => {
  let adapter: ProcessAdapter;
  beforeAll(async () => {
    adapter = await createBrokenGoAdapter({ endpoint: stub.endpoint });
  }, 600_000);
  afterAll(async () => {
    await adapter?.close();
  });

  it('names its fault', () => {
    expect(adapter.name).toBe('aws-sdk-go-v2 cognitoidentityprovider v1.61.0 [FAULT: every service error decoded as UnknownError]');
  });

  it('loses the error code but keeps the message and metadata, with a correct request', async () => {
    const { outcome, requests } = await observe(adapter, stub, WIRE_VARIANTS.modeledError);
    expect(outcome).toEqual({ error: { name: 'UnknownError', message: 'Unsupported token type', $metadata: { httpStatusCode: 400, requestId: 'req-modeled-2' } } });
    expect(wireProblems(requests[0]!, INPUT)).toEqual([]);
  });

  it('still succeeds on a success', async () => {
    expect((await observe(adapter, stub, WIRE_VARIANTS.success)).outcome).toHaveProperty('ok');
  });
});
