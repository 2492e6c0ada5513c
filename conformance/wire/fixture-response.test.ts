import { afterEach, describe, expect, it } from 'vitest';
import { FakeService } from './fake-service.ts';
import { fixtureResponse } from './fixture-response.ts';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.ts';

const BODY = '{"unknownMember":"cut half-way"}';
const truncated = { code: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: BODY, fault: 'truncated-body' } as const;

describe('fixtureResponse with a transport fault', () => {
  it('in process: a connection fault is a network error, and the direct fetch rejects as Node does', async () => {
    expect(fixtureResponse({ code: 502, fault: 'connection-reset' }).type).toBe('error');
    const service = new FakeService();
    service.begin({ respond: (_attempt, request) => fixtureResponse({ code: 502, fault: 'connection-refused' }, request.transport) });
    const error = await service.fetch('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    service.end();
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect(((error as TypeError).cause as { code?: string }).code).toBe('ECONNRESET');
  });

  it('in process: a truncated body sends its status, headers and the full Content-Length, then the body read fails', async () => {
    const response = fixtureResponse(truncated);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(BODY.length));
    await expect(response.text()).rejects.toThrow('terminated');
  });
});

describe('transport faults on loopback', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const serving = async (response: Parameters<typeof fixtureResponse>[0]) => {
    server = await startLoopbackServer(async () => fixtureResponse(response, 'loopback'));
    return server.url;
  };

  it.each([['connection-reset'], ['connection-refused']] as const)('%s: the client sees the connection fail, no status', async (fault) => {
    const url = await serving({ code: 502, fault });
    const error = await fetch(url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
  });

  it('truncated-body: status and headers arrive with the full Content-Length, the body is cut and its read fails', async () => {
    const url = await serving(truncated);
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(BODY.length));
    expect(response.headers.get('x-conformance-transport-fault')).toBeNull();
    await expect(response.text()).rejects.toThrow();
  });
});
