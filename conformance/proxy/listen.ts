import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the proxy received it, read whole (within the cap) before anything is forwarded. */
export interface ProxiedRequest {
  method: string;
  /** Path and query as they appeared in the request line. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** What the proxy sends back to the client. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The listening side of the proxy. */
export interface ProxyListener {
  /** e.g. `http://127.0.0.1:49152` */
  url: string;
  /** Stops accepting, lets the exchanges in flight finish, then frees the port. */
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
// Hop-by-hop headers (RFC 9110 section 7.6.1) and the framing belong to one connection, not to the message.
const NOT_RELAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade', 'te', 'trailer']);

/**
 * Listens on 127.0.0.1 only (never another interface) and hands each request to `exchange`.
 * A body past `maxBodyBytes` is answered 413 at once and never handed on; `refused` is told,
 * so the run can say so. `exchange` must not throw; if it does the client gets a 500.
 */
export async function listenOnLoopback(options: {
  port: number;
  maxBodyBytes: number;
  exchange: (request: ProxiedRequest) => Promise<ProxyAnswer>;
  refused: (request: Omit<ProxiedRequest, 'body'>, bytes: number) => void;
}): Promise<ProxyListener> {
  const inFlight = new Set<Promise<void>>();
  const server = createServer((incoming, outgoing) => {
    const served = serve(incoming, outgoing, options).finally(() => inFlight.delete(served));
    inFlight.add(served);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: options.port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK}:${address.port}`,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Each exchange is bounded by the upstream time-out, so waiting for them is bounded too.
        await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    headers[name] = headers[name] === undefined ? raw[index + 1]! : `${headers[name]}, ${raw[index + 1]}`;
  }
  return headers;
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  options: Pick<Parameters<typeof listenOnLoopback>[0], 'maxBodyBytes' | 'exchange' | 'refused'>,
): Promise<void> {
  const head = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: headersOf(incoming) };
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > options.maxBodyBytes) {
        tooLarge = true;
        break;
      }
      chunks.push(chunk);
    }
  } catch {
    outgoing.destroy();
    return;
  }
  let answer: ProxyAnswer;
  if (tooLarge) {
    options.refused(head, size);
    answer = proxyError(413, 'RequestTooLarge', `The request body exceeds the proxy's cap of ${options.maxBodyBytes} bytes; it was not forwarded.`);
  } else {
    try {
      answer = await options.exchange({ ...head, body: new Uint8Array(Buffer.concat(chunks)) });
    } catch {
      // The error may quote request data (tokens, secrets): it stays out of the answer.
      answer = proxyError(500, 'ProxyFailure', 'The judging proxy failed on this request.');
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (!NOT_RELAYED.has(name.toLowerCase())) headers[name] = value;
  try {
    outgoing.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.byteLength), ...(tooLarge ? { connection: 'close' } : {}) });
    outgoing.end(answer.body);
  } catch {
    outgoing.destroy();
  }
}

/** An answer the proxy makes itself (not the upstream's), in the protocol's error shape, so any client can read it. */
export function proxyError(status: number, type: string, message: string): ProxyAnswer {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-revoketoken-proxy': 'answered by the proxy, not the upstream' },
    body: new TextEncoder().encode(JSON.stringify({ __type: type, message })),
  };
}
