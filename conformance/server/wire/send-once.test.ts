import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type FetchHandle, type LoopbackServer, startLoopbackServer } from '../../wire/loopback-server.ts';
import { sendOnce } from './send-once.ts';

const servers: LoopbackServer[] = [];
const rawServers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(rawServers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(handle: FetchHandle): Promise<URL> {
  const server = await startLoopbackServer(handle, { closeGraceMs: 50 });
  servers.push(server);
  return new URL(server.url);
}

/** A TCP server that does something no HTTP server should, for the failure paths. */
async function rawServer(onConnection: (socket: import('node:net').Socket) => void): Promise<URL> {
  const server = createServer(onConnection);
  rawServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const post = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  path: '/',
  headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
  body: new TextEncoder().encode(body),
});

describe('sendOnce', () => {
  it('connects to the pinned address, never looking the name up, and keeps the name in Host', async () => {
    let host: string | null = null;
    const real = await serve(async (request) => {
      host = request.headers.get('host');
      return new Response('{}', { status: 200 });
    });
    // .invalid never resolves (RFC 6761): an answer proves the pinned address was used.
    const named = new URL(`http://conformance-pinned.invalid:${real.port}`);
    const exchange = await sendOnce(named, post('{}'), 5000, '127.0.0.1');
    expect(exchange.response?.status).toBe(200);
    expect(host).toBe(`conformance-pinned.invalid:${real.port}`);
  });

  it("sends exactly the headers and bytes given, under the endpoint's base path, and reads the answer whole", async () => {
    let seen: { url: string; type: string | null; accept: string | null; body: string } | undefined;
    const url = await serve(async (request) => {
      seen = { url: request.url, type: request.headers.get('content-type'), accept: request.headers.get('accept'), body: await request.text() };
      return new Response('{"ok":true}', { status: 202, headers: { 'x-amzn-RequestId': 'r1', 'x-list': 'a' } });
    });
    const exchange = await sendOnce(new URL('/base', url), post('{"a":1}'), 2000);
    expect(seen).toEqual({ url: `${url.origin}/base/`, type: null, accept: null, body: '{"a":1}' });
    expect(exchange.response).toMatchObject({ status: 202, text: '{"ok":true}', truncated: false });
    expect(exchange.response?.headers['x-amzn-requestid']).toBe('r1');
    expect(exchange.request.path).toBe('/base/');
  });

  it('reports a server that never answers as a time-out, and returns', async () => {
    const url = await serve(() => new Promise<Response>(() => {}));
    const exchange = await sendOnce(url, post('{}'), 100);
    expect(exchange.failure).toEqual({ kind: 'timeout', detail: 'no answer within 100 ms' });
  });

  it('reports a connection dropped before any answer', async () => {
    const url = await rawServer((socket) => socket.once('data', () => socket.destroy()));
    const exchange = await sendOnce(url, post('{}'), 2000);
    expect(exchange.failure).toEqual({ kind: 'connection', detail: 'the server dropped the connection without answering' });
  });

  it('reports a connection dropped in the middle of the body', async () => {
    const url = await rawServer((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"half":');
        setTimeout(() => socket.destroy(), 10);
      }),
    );
    const exchange = await sendOnce(url, post('{}'), 2000);
    expect(exchange.failure?.kind).toBe('connection');
    expect(exchange.failure?.detail).toMatch(/before the body ended/);
  });

  it('reports nothing listening as a refused connection', async () => {
    const url = await rawServer(() => {});
    await new Promise((resolve) => rawServers.pop()!.close(resolve));
    const exchange = await sendOnce(url, post('{}'), 2000);
    expect(exchange.failure).toEqual({ kind: 'connection', detail: 'connection refused: nothing is listening there' });
  });
});
