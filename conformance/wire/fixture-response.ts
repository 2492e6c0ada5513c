import type { FixtureResponse, TransportFault } from '../fixtures/types.ts';
import type { Transport } from './captured-request.ts';

/**
 * Marks a loopback answer the socket must break instead of sending whole (a fixture's `fault`):
 * the loopback server reads it, acts on it and never sends it.
 * @internal
 */
export const TRANSPORT_FAULT_HEADER = 'x-conformance-transport-fault';

/**
 * The HTTP response a fixture describes, byte for byte: the body text as written (no
 * re-serialisation, so odd spacing and nested fields survive) and exactly the headers listed.
 * A fixture with a `fault` is broken the way the transport that carries it can break it: in
 * process a network error (`Response.error()`) or a body stream that fails half-way; on
 * loopback the socket itself is reset, closed or cut (conformance/wire/loopback-server.ts).
 * @public
 */
export function fixtureResponse(response: FixtureResponse, transport: Transport = 'intercepted'): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers ?? {})) headers.append(name, value);
  // A Response with a body but no Content-Type gets text/plain from fetch; a fixture that
  // leaves the header out means "no Content-Type at all", so the body goes in as bytes.
  const bytes = response.body === undefined ? null : new TextEncoder().encode(response.body);
  if (response.fault === undefined) return new Response(bytes, { status: response.code, headers });
  if (transport === 'loopback') {
    headers.set(TRANSPORT_FAULT_HEADER, response.fault);
    return new Response(bytes, { status: response.code, headers });
  }
  if (response.fault !== 'truncated-body') return Response.error();
  return truncatedResponse(response.code, headers, bytes ?? new Uint8Array(0));
}

/** Status and headers (with the full body's Content-Length), half the body, then a failed stream, as undici reports a cut connection. */
function truncatedResponse(status: number, headers: Headers, body: Uint8Array): Response {
  headers.set('content-length', String(body.byteLength));
  const half = body.subarray(0, Math.floor(body.byteLength / 2));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (half.byteLength > 0) controller.enqueue(half);
    },
    pull(controller) {
      controller.error(new TypeError('terminated', { cause: connectionError('other side closed', 'UND_ERR_SOCKET') }));
    },
  });
  return new Response(stream, { status, headers });
}

/** What Node reports for a connection the other side broke: an Error with the errno-style code. */
export function connectionError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** What a fetch over a broken connection rejects with in Node (undici): TypeError "fetch failed" with the socket's error as its cause. */
export function fetchFailure(fault: TransportFault | undefined): TypeError {
  const cause = fault === 'connection-refused' ? connectionError('connect ECONNREFUSED', 'ECONNREFUSED') : connectionError('read ECONNRESET', 'ECONNRESET');
  return new TypeError('fetch failed', { cause });
}
