import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { TRANSPORT_FAULT_HEADER } from './fixture-response.ts';

/**
 * Answers one request. Anything it throws or rejects with becomes a 500 from the loopback
 * server, which keeps serving.
 * @internal
 */
export type FetchHandle = (request: Request) => Promise<Response>;

/** @internal */
export interface LoopbackServerOptions {
  /** Only the IPv4 loopback address is allowed: the server must never be reachable from the network. */
  host?: '127.0.0.1';
  /** 0 (the default) lets the operating system pick a free port. */
  port?: number;
  /** How long close() waits for requests in flight before cutting them off; 1000 ms by default. */
  closeGraceMs?: number;
}

/** @internal */
export interface LoopbackServer {
  /** Origin of the server, e.g. `http://127.0.0.1:49152` (no trailing slash). */
  url: string;
  /**
   * Stops listening, gives requests in flight a moment to finish, then drops every
   * connection, so the port is free once the promise resolves.
   */
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
// Bodies are read whole before the handler runs; a cap keeps a runaway client from
// exhausting memory in a process that is, after all, a test fixture.
const MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024;
// Statuses whose responses cannot carry a body (RFC 9110 §6.4.1), so no Content-Length either.
const BODYLESS_STATUSES = new Set([204, 304]);
// How long close() waits for requests in flight. A handler may hang on purpose (the fake
// service can simulate a stalled server), and close() must still return.
const DEFAULT_CLOSE_GRACE_MS = 1_000;
// Captured at import, before a test installs fake timers, so the grace period runs on real time.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/**
 * Serves a fetch-style handler on a real socket bound to 127.0.0.1, so clients that insist
 * on doing their own HTTP (other runtimes, other processes) can reach an in-process service.
 * @internal
 */
export async function startLoopbackServer(handle: FetchHandle, options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) {
    throw new RangeError(`startLoopbackServer binds only to ${LOOPBACK}; refusing host ${String(host)}`);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  }

  const inFlight = new Set<Promise<void>>();
  let url = '';
  const server = createServer((incoming, outgoing) => {
    const served = serve(incoming, outgoing, url, handle).finally(() => inFlight.delete(served));
    inFlight.add(served);
  });
  // A malformed request line or header never reaches the handler; answer it and move on
  // instead of letting the default handler's error bubble up.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  url = `http://${address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await settledOrAfter([...inFlight], options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
        // Keep-alive sockets that served the last requests would otherwise hold the port.
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}

async function settledOrAfter(promises: Promise<unknown>[], ms: number): Promise<void> {
  if (promises.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = realSetTimeout(resolve, ms);
  });
  await Promise.race([Promise.allSettled(promises), elapsed]);
  realClearTimeout(timer);
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse, origin: string, handle: FetchHandle): Promise<void> {
  let answer: Answer;
  try {
    const request = await toFetchRequest(incoming, origin);
    answer =
      request === 'too-large'
        ? await buffered(jsonError(413, 'RequestTooLarge', `The request body exceeds ${MAX_REQUEST_BODY_BYTES} bytes.`))
        : await buffered(await handle(request));
    const fault = answer.response.headers.get(TRANSPORT_FAULT_HEADER);
    if (fault !== null) return breakConnection(fault, answer, outgoing);
  } catch {
    // The error itself may quote request data (tokens, secrets): it stays out of the body and out of logs.
    answer = await buffered(jsonError(500, 'InternalFailure', 'The handler behind the loopback server failed.'));
  }
  try {
    await writeAnswer(answer, outgoing, incoming.method === 'HEAD');
  } catch {
    // The client went away mid-response; nothing useful can be sent now.
    outgoing.destroy();
  }
}

/** A handler's response with its body already read, so a failing body stream is still a handler failure. */
interface Answer {
  response: Response;
  body: Uint8Array;
  bodyless: boolean;
}

async function buffered(response: unknown): Promise<Answer> {
  if (!isResponse(response)) throw new TypeError('the handler did not return a Response');
  const bodyless = BODYLESS_STATUSES.has(response.status) || response.status < 200;
  const body = bodyless || response.body === null ? new Uint8Array(0) : new Uint8Array(await response.arrayBuffer());
  return { response, body, bodyless };
}

async function toFetchRequest(incoming: IncomingMessage, origin: string): Promise<Request | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_REQUEST_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    headers.append(raw[index] as string, raw[index + 1] as string);
  }
  const method = incoming.method ?? 'GET';
  const canHaveBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(requestTarget(incoming.url), origin), {
    method,
    headers,
    body: canHaveBody && size > 0 ? Buffer.concat(chunks, size) : undefined,
  });
}

/** The path and query of the request line, also when a client sent the absolute form. */
function requestTarget(target: string | undefined): string {
  if (!target || target === '*') return '/';
  if (target.startsWith('/')) return target;
  try {
    const absolute = new URL(target);
    return absolute.pathname + absolute.search;
  } catch {
    return '/';
  }
}

async function writeAnswer({ response, body, bodyless }: Answer, outgoing: ServerResponse, isHead: boolean): Promise<void> {
  outgoing.statusCode = response.status;
  if (response.statusText) outgoing.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    // Headers joins repeated fields with ", ", which is lossless for every field except
    // Set-Cookie; that one keeps its separate values.
    if (name === 'set-cookie') outgoing.setHeader(name, response.headers.getSetCookie());
    else outgoing.setHeader(name, value);
  });
  if (!bodyless && !outgoing.hasHeader('content-length')) {
    // The body is buffered, so its length is known and small bodies never go out chunked.
    outgoing.setHeader('content-length', String(body.byteLength));
  }
  // A client that gave up (a cancelled call) has closed the socket: the write would never finish.
  if (outgoing.destroyed) return;
  await new Promise<void>((resolve, reject) => {
    outgoing.once('error', reject);
    outgoing.once('close', () => resolve());
    // A HEAD answer carries the headers of the would-be GET answer but never its bytes.
    outgoing.end(isHead || bodyless ? undefined : body, () => resolve());
  });
}

// Duck-typed: a Response built by another copy of undici is just as good as the global one.
/**
 * A fixture's transport fault, on the socket: reset it (RST), close it before any byte (FIN), or
 * send the status line and headers with the full body's Content-Length, half the body, and cut.
 */
async function breakConnection(fault: string, { response, body }: Answer, outgoing: ServerResponse): Promise<void> {
  const socket = outgoing.socket;
  if (!socket) return;
  if (fault === 'connection-reset') {
    socket.resetAndDestroy();
    return;
  }
  if (fault !== 'truncated-body') {
    socket.destroy();
    return;
  }
  const lines = [`HTTP/1.1 ${response.status} ${outgoing.statusMessage || 'OK'}`];
  response.headers.forEach((value, name) => {
    if (name !== TRANSPORT_FAULT_HEADER && name !== 'content-length') lines.push(`${name}: ${value}`);
  });
  lines.push(`content-length: ${body.byteLength}`, '', '');
  const half = body.subarray(0, Math.floor(body.byteLength / 2));
  await new Promise<void>((resolve) => socket.write(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), half]), () => resolve()));
  socket.destroy();
}

function isResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Response>;
  return typeof candidate.status === 'number' && candidate.headers instanceof Headers && typeof candidate.arrayBuffer === 'function';
}

function jsonError(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** @internal */
export interface HandleWithMswOptions {
  /**
   * Base for handlers registered with relative paths (`http.post('/', ...)`). Defaults to
   * the origin of each incoming request, so relative handlers match whatever port the
   * loopback server got.
   */
  baseUrl?: string;
  /**
   * Matches each request as if it had been sent to this origin (e.g.
   * `https://cognito-idp.us-east-1.amazonaws.com`), so handlers written for an absolute
   * endpoint also answer on the loopback socket. Method, path, headers and body are kept.
   */
  origin?: string;
}

/**
 * A {@link FetchHandle} that answers with the first matching msw handler, so handlers written
 * for interception can also be served on a real socket. Unmatched requests get a 501.
 * @internal
 */
export function handleWithMsw(handlers: readonly RequestHandler[], options: HandleWithMswOptions = {}): FetchHandle {
  const list = [...handlers];
  const origin = options.origin === undefined ? undefined : new URL(options.origin).origin;
  return async (incoming) => {
    const request = origin === undefined ? incoming : await readdressed(incoming, origin);
    const url = new URL(request.url);
    const baseUrl = options.baseUrl ?? url.origin;
    const response = await getResponse(list, request, { baseUrl });
    return response ?? jsonError(501, 'NoMatchingHandler', `No msw handler matched ${request.method} ${url.pathname}.`);
  };
}

async function readdressed(request: Request, origin: string): Promise<Request> {
  const source = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(new URL(source.pathname + source.search, origin), {
    method: request.method,
    headers: request.headers,
    body: body === undefined || body.byteLength === 0 ? undefined : body,
  });
}
