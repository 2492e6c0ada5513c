import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Exchange, NoAnswer, ReceivedResponse, SentRequest } from './exchange.ts';

/**
 * A request to send, with the path relative to the endpoint's base path.
 * @internal
 */
export interface OutgoingRequest {
  method: string;
  path: string;
  /** Sent exactly as given: nothing is added but Host (and Connection: close). */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
}

/**
 * A server that streams without end must not exhaust the suite's memory; the start of the
 * body is enough to judge it. The judging proxy states the same cap for the answers it relays.
 * @internal
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One HTTP exchange over node:http, on a connection of its own (no keep-alive, so nothing
 * outlives the request and every request is seen by the server exactly as built). The time
 * limit covers the whole exchange, body included; a request that runs out of it, or whose
 * connection drops, resolves with the reason rather than rejecting.
 * @internal
 */
export function sendOnce(endpoint: URL, request: OutgoingRequest, timeoutMs: number, address?: string): Promise<Exchange> {
  const base = endpoint.pathname.replace(/\/+$/, '');
  const path = `${base}${request.path}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const sent: SentRequest = { method: request.method, path, headers, body: request.body };

  return new Promise<Exchange>((resolve) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let headersArrived = false;
    let settled = false;
    const settle = (exchange: Exchange) => {
      if (settled) return;
      settled = true;
      resolve(exchange);
    };
    const noAnswer = (error: unknown) => settle({ request: sent, failure: reasonFor(error, signal.aborted, headersArrived, timeoutMs) });

    const send = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      {
        protocol: endpoint.protocol,
        hostname: endpoint.hostname.replace(/^\[|\]$/g, ''),
        port: endpoint.port === '' ? undefined : Number(endpoint.port),
        method: request.method,
        path,
        headers: request.headers,
        agent: false,
        signal,
        // Connect to the pinned address while Host and TLS keep the endpoint's name: the address
        // checked is the one connected to, and no request causes a lookup of its own.
        ...(address !== undefined ? { lookup: pinnedLookup(address) } : {}),
      },
      (incoming) => {
        headersArrived = true;
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        incoming.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          if (size + chunk.byteLength > MAX_RESPONSE_BYTES) truncated = true;
          size += chunk.byteLength;
        });
        incoming.on('end', () => settle({ request: sent, response: toResponse(incoming, Buffer.concat(chunks), truncated) }));
        incoming.on('error', noAnswer);
        incoming.on('close', () => {
          if (!incoming.complete) noAnswer(new Error('the connection closed before the body ended'));
        });
      },
    );
    outgoing.on('error', noAnswer);
    outgoing.end(request.body);
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | Array<{ address: string; family: number }>, family?: number) => void;

/** A `lookup` for node:net that answers every name with one address. */
function pinnedLookup(address: string) {
  const family = isIP(address) === 6 ? 6 : 4;
  return (_host: string, options: { all?: boolean } | LookupCallback, callback?: LookupCallback) => {
    const done = (typeof options === 'function' ? options : callback)!;
    if (typeof options === 'object' && options.all) done(null, [{ address, family }]);
    else done(null, address, family);
  };
}

function toResponse(incoming: IncomingMessage, body: Buffer, truncated: boolean): ReceivedResponse {
  const headers: Record<string, string> = {};
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] as string).toLowerCase();
    const value = raw[index + 1] as string;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: incoming.statusCode ?? 0, headers, body: new Uint8Array(body), text: body.toString('utf8'), truncated };
}

function reasonFor(error: unknown, timedOut: boolean, headersArrived: boolean, timeoutMs: number): NoAnswer {
  if (timedOut) {
    return { kind: 'timeout', detail: headersArrived ? `the body did not finish within ${timeoutMs} ms` : `no answer within ${timeoutMs} ms` };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'connection', detail: 'connection refused: nothing is listening there' };
    case 'ECONNRESET':
      return {
        kind: 'connection',
        detail: headersArrived ? 'the server dropped the connection before the body ended' : 'the server dropped the connection without answering',
      };
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'connection', detail: `${code ? `${code}: ` : ''}${message}` };
    }
  }
}
