import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { type FetchHandle, handleWithMsw, type LoopbackServer, startLoopbackServer } from './loopback-server.ts';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** A plain node:http call, so the test sees exactly what went over the socket. */
function send(url: string, options: { method?: string; path?: string; headers?: Array<[string, string]>; body?: Uint8Array } = {}): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        agent: false,
        headers: headerObject(options.headers ?? []),
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, rawHeaders: incoming.rawHeaders, body: Buffer.concat(chunks) }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

// node:http takes repeated headers as an array under one name (a flat list drops Host).
function headerObject(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    result[name] ??= [];
    result[name].push(value);
  }
  return result;
}

const started: LoopbackServer[] = [];
async function serve(handle: FetchHandle, closeGraceMs?: number): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handle, closeGraceMs === undefined ? {} : { closeGraceMs });
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

describe('startLoopbackServer', () => {
  it('hands the handler the method, full URL, every header and the exact body bytes', async () => {
    let seen: { method: string; url: string; multi: string | null; type: string | null; body: Uint8Array } | undefined;
    const server = await serve(async (request) => {
      seen = {
        method: request.method,
        url: request.url,
        multi: request.headers.get('x-multi'),
        type: request.headers.get('content-type'),
        body: new Uint8Array(await request.arrayBuffer()),
      };
      return new Response(null, { status: 204 });
    });
    const body = Uint8Array.from([0, 255, 10, 13, 0xc3, 0x28]);
    await send(server.url, {
      method: 'POST',
      path: '/some/path?x=1&y=%20',
      headers: [
        ['Content-Type', 'application/x-amz-json-1.1'],
        ['X-Multi', 'one'],
        ['X-Multi', 'two'],
      ],
      body,
    });
    expect(seen).toEqual({
      method: 'POST',
      url: `${server.url}/some/path?x=1&y=%20`,
      multi: 'one, two',
      type: 'application/x-amz-json-1.1',
      body,
    });
  });

  it('sends back status, headers (Set-Cookie values kept apart) and body, with a Content-Length and no chunking', async () => {
    const server = await serve(async () => {
      const headers = new Headers({ 'x-amzn-RequestId': 'abc', 'content-type': 'application/x-amz-json-1.1' });
      headers.append('set-cookie', 'a=1');
      headers.append('set-cookie', 'b=2');
      headers.append('x-list', 'p');
      headers.append('x-list', 'q');
      return new Response('{"ok":"\u00e9"}', { status: 418, headers });
    });
    const answer = await send(server.url, { method: 'POST', body: new TextEncoder().encode('{}') });
    expect(answer.status).toBe(418);
    expect(answer.headers['x-amzn-requestid']).toBe('abc');
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(answer.headers['x-list']).toBe('p, q');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength('{"ok":"\u00e9"}')));
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.body.toString('utf8')).toBe('{"ok":"\u00e9"}');
  });

  it('keeps a Content-Length the handler set itself', async () => {
    const server = await serve(async () => new Response('abc', { headers: { 'content-length': '3' } }));
    const answer = await send(server.url);
    expect(answer.rawHeaders.filter((name) => name.toLowerCase() === 'content-length')).toHaveLength(1);
    expect(answer.body.toString()).toBe('abc');
  });

  it('answers HEAD with headers only, and empty bodies with Content-Length 0', async () => {
    const server = await serve(async (request) => (request.method === 'HEAD' ? new Response('hello', { status: 200 }) : new Response(null, { status: 200 })));
    const head = await send(server.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('5');
    expect(head.body.byteLength).toBe(0);

    const empty = await send(server.url, { method: 'POST' });
    expect(empty.headers['content-length']).toBe('0');
    expect(empty.body.byteLength).toBe(0);
  });

  it('gives the handler no body when the client sent none', async () => {
    const bodies: string[] = [];
    const server = await serve(async (request) => {
      bodies.push(`${request.method}:${request.body === null ? 'null' : await request.text()}`);
      return new Response(null, { status: 204 });
    });
    await send(server.url, { method: 'GET' });
    await send(server.url, { method: 'POST' });
    expect(bodies).toEqual(['GET:null', 'POST:null']);
  });

  it('sends no Content-Length and no body with a 204', async () => {
    const server = await serve(async () => new Response(null, { status: 204 }));
    const answer = await send(server.url, { method: 'POST' });
    expect(answer.status).toBe(204);
    expect(answer.headers['content-length']).toBeUndefined();
  });

  it('turns a handler exception into a 500 JSON answer without its details, and keeps serving', async () => {
    let calls = 0;
    const server = await serve(async () => {
      calls += 1;
      if (calls === 1) throw new Error('token eyJsecret leaked');
      if (calls === 2) return 'not a response' as unknown as Response;
      return new Response('fine');
    });
    const thrown = await send(server.url);
    expect(thrown.status).toBe(500);
    expect(thrown.headers['content-type']).toBe('application/json');
    const parsed = JSON.parse(thrown.body.toString()) as { __type: string; message: string };
    expect(parsed.__type).toBe('InternalFailure');
    expect(thrown.body.toString()).not.toContain('eyJsecret');

    expect((await send(server.url)).status).toBe(500);
    const after = await send(server.url);
    expect(after.status).toBe(200);
    expect(after.body.toString()).toBe('fine');
  });

  it('turns a body stream that fails into a 500', async () => {
    const server = await serve(async () => {
      const body = new ReadableStream({
        pull(controller) {
          controller.error(new Error('broken'));
        },
      });
      return new Response(body);
    });
    expect((await send(server.url)).status).toBe(500);
  });

  it('maps an absolute-form request target onto its own origin', async () => {
    let url = '';
    const server = await serve(async (request) => {
      url = request.url;
      return new Response(null, { status: 204 });
    });
    await send(server.url, { path: 'http://example.com/elsewhere?q=1' });
    expect(url).toBe(`${server.url}/elsewhere?q=1`);
  });

  it('refuses bodies over the size cap with a 413 and keeps serving', async () => {
    const server = await serve(async () => new Response('small'));
    const tooBig = await send(server.url, { method: 'POST', body: new Uint8Array(8 * 1024 * 1024 + 1) });
    expect(tooBig.status).toBe(413);
    expect((await send(server.url)).status).toBe(200);
  });

  it('frees the port on close(), also with a keep-alive connection still open', async () => {
    const server = await startLoopbackServer(async () => new Response('x'));
    // fetch keeps the connection alive after the answer.
    expect(await (await fetch(server.url)).text()).toBe('x');
    const port = Number(new URL(server.url).port);
    await server.close();
    await server.close();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ host: '127.0.0.1', port, exclusive: true }, resolve);
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it('lets a request in flight finish before closing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const server = await serve(async () => {
      entered();
      await gate;
      return new Response('late');
    });
    const pending = send(server.url);
    await inside;
    const closed = server.close();
    release();
    expect((await pending).body.toString()).toBe('late');
    await closed;
  });

  it('does not wait forever on a handler that never answers', async () => {
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const server = await serve(() => {
      entered();
      return new Promise<Response>(() => {});
    }, 10);
    const pending = send(server.url).catch((error: unknown) => error);
    await inside;
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('listens on 127.0.0.1 only', async () => {
    const server = await serve(async () => new Response('x'));
    const { hostname, port } = new URL(server.url);
    expect(hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal);
    if (external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: external.address, port: Number(port) });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome).toBe('ECONNREFUSED');
    }
  });

  it('refuses any host other than 127.0.0.1, and ports out of range', async () => {
    const handle: FetchHandle = async () => new Response('x');
    for (const host of ['0.0.0.0', '::', '::1', 'localhost', '192.168.1.1']) {
      await expect(startLoopbackServer(handle, { host: host as '127.0.0.1' })).rejects.toThrow(RangeError);
    }
    await expect(startLoopbackServer(handle, { port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startLoopbackServer(handle, { port: 1.5 })).rejects.toThrow(RangeError);
  });

  it('reports a port already in use', async () => {
    const first = await serve(async () => new Response('x'));
    await expect(startLoopbackServer(async () => new Response('y'), { port: Number(new URL(first.url).port) })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('handleWithMsw', () => {
  it('serves msw handlers, relative paths resolved against the loopback origin', async () => {
    const server = await serve(
      handleWithMsw([http.post('/echo', async ({ request }) => HttpResponse.json({ got: await request.text() }, { headers: { 'x-from': 'msw' } }))]),
    );
    const answer = await send(server.url, { method: 'POST', path: '/echo', body: new TextEncoder().encode('hi') });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-from']).toBe('msw');
    expect(JSON.parse(answer.body.toString())).toEqual({ got: 'hi' });
  });

  it('answers 501 with a JSON error when no handler matches', async () => {
    const server = await serve(handleWithMsw([http.post('https://cognito-idp.us-east-1.amazonaws.com/', () => HttpResponse.json({}))]));
    const answer = await send(server.url, { method: 'POST', path: '/nowhere' });
    expect(answer.status).toBe(501);
    expect(JSON.parse(answer.body.toString())).toEqual({ __type: 'NoMatchingHandler', message: 'No msw handler matched POST /nowhere.' });
  });

  it('matches absolute handlers for requests addressed to their own origin', async () => {
    const handle = handleWithMsw([http.post('https://cognito-idp.us-east-1.amazonaws.com/', () => HttpResponse.json({ ok: true }))]);
    const direct = await handle(new Request('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'POST' }));
    expect(await direct.json()).toEqual({ ok: true });
  });

  it('can match requests as if sent to another origin, keeping method, path, headers and body', async () => {
    const server = await serve(
      handleWithMsw(
        [
          http.post('https://cognito-idp.us-east-1.amazonaws.com/', async ({ request }) =>
            HttpResponse.json({ url: request.url, target: request.headers.get('x-amz-target'), body: await request.text() }),
          ),
        ],
        { origin: 'https://cognito-idp.us-east-1.amazonaws.com/ignored-path' },
      ),
    );
    const answer = await send(server.url, {
      method: 'POST',
      path: '/?q=1',
      headers: [['X-Amz-Target', 'AWSCognitoIdentityProviderService.RevokeToken']],
      body: new TextEncoder().encode('{"Token":"t"}'),
    });
    expect(JSON.parse(answer.body.toString())).toEqual({
      url: 'https://cognito-idp.us-east-1.amazonaws.com/?q=1',
      target: 'AWSCognitoIdentityProviderService.RevokeToken',
      body: '{"Token":"t"}',
    });
  });
});
