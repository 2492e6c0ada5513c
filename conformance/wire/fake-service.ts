import { getResponse, type HttpHandler, HttpResponse, http } from 'msw';
import { type CapturedRequest, captureRequest, type Transport } from './captured-request.ts';
import { fetchFailure } from './fixture-response.ts';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.ts';

/** How the fake service answers the requests of one case. */
export interface ServedCase {
  /**
   * `attempt` counts from 1 within the case. May return a promise that never settles (a hang).
   * Build the answer with `fixtureResponse(response, request.transport)`, so a transport fault
   * breaks the way that transport breaks.
   */
  respond(attempt: number, request: CapturedRequest): Response | Promise<Response>;
  /** The case's virtual clock (milliseconds), read when a request arrives after the call settled. */
  now?(): number;
}

/** A request that arrived after its call had settled, and when (the case's virtual clock). */
export interface LateRequest {
  request: CapturedRequest;
  atMs: number;
}

/**
 * The fake Cognito endpoint of a run: one msw handler that answers for whichever case is
 * active, and records every request it sees. The same handler serves all three transports
 * (msw interception, the direct fetch handed to in-process adapters, and a loopback socket),
 * so the fixtures stay the single source of responses.
 *
 * It matches every request, whatever its host or path: where a request went is rule A7's to
 * judge (conformance/checks/endpoint.ts), with the rest of the case, not msw's to refuse with a
 * warning per request. A case has two windows: its call, and the short look after the call
 * settled (conformance/run/clock.ts), whose requests are kept apart for rule A8.
 * @internal
 */
export class FakeService {
  readonly handler: HttpHandler;
  /** Requests of the active case's call, in arrival order. */
  requests: CapturedRequest[] = [];
  /** Requests of the active case that arrived after its call settled. */
  afterSettled: LateRequest[] = [];
  private active: ServedCase | undefined;
  private settled = false;
  private transport: Transport = 'intercepted';
  private listeners: Array<(request: CapturedRequest) => void> = [];
  private witness: ((request: CapturedRequest, late: boolean) => void) | undefined;

  constructor(defaultTransport: Transport = 'intercepted') {
    this.transport = defaultTransport;
    const fallbackTransport = defaultTransport;
    // Every method, host and path: a client that sends GET /x, or to another host, must be
    // caught and judged by the checks, not bounced as an unhandled request.
    this.handler = http.all('*', async ({ request }) => {
      // Which window a request belongs to is decided when it arrives, before its body is read.
      const served = this.active;
      const late = this.settled;
      const atMs = late ? (served?.now?.() ?? 0) : 0;
      const captured = await captureRequest(request, this.transport);
      this.transport = fallbackTransport;
      // Before anything else sees it: a sandbox hands each request of a case to the harness here (decisions/0021).
      if (served) this.witness?.(captured, late);
      if (!served) {
        return HttpResponse.json({ __type: 'HarnessError', message: 'request arrived outside any case' }, { status: 599 });
      }
      if (late) {
        this.afterSettled.push({ request: captured, atMs });
        return served.respond(this.requests.length + this.afterSettled.length, captured);
      }
      this.requests.push(captured);
      for (const listener of this.listeners) listener(captured);
      return served.respond(this.requests.length, captured);
    });
  }

  begin(served: ServedCase): void {
    this.active = served;
    this.settled = false;
    this.requests = [];
    this.afterSettled = [];
  }

  /** The active case's call has settled: what arrives from now on is kept in `afterSettled`. */
  callSettled(): void {
    if (this.active) this.settled = true;
  }

  end(): CapturedRequest[] {
    this.active = undefined;
    this.settled = false;
    this.listeners = [];
    return this.requests;
  }

  /** The transport the next captured request arrives by (the loopback bridge sets it). */
  setTransport(transport: Transport): void {
    this.transport = transport;
  }

  /**
   * Calls `witness` with every request this service captures for a case, for as long
   * as the service lives: the sandbox sends each to the harness as it arrives, so the requests
   * judged are the ones the harness saw, not the ones a record claims (decisions/0021).
   */
  witnessEach(witness: (request: CapturedRequest, late: boolean) => void): void {
    this.witness = witness;
  }

  /** Calls `listener` for each request of the active case (used to abort mid-request). */
  onRequest(listener: (request: CapturedRequest) => void): void {
    this.listeners.push(listener);
  }

  /**
   * A fetch that hands the request straight to the msw handler: same answers as interception,
   * without patching Node's HTTP modules in between. Honours the request's AbortSignal.
   */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    this.transport = 'direct';
    const pending = getResponse([this.handler], request);
    const response = await raceAbort(pending, request.signal);
    if (!response) throw new TypeError(`no fake-service handler for ${request.method} ${request.url}`);
    // A transport fault in process: fetch rejects as Node's own fetch does on a broken connection.
    if (response.type === 'error') throw fetchFailure(undefined);
    return response;
  };
}

/**
 * Serves the fake service on 127.0.0.1 for clients in other processes. Requests keep their
 * method, path, query, headers and body, and their address as the client wrote it: the origin
 * is read from the Host header (a client that names another host or port shows it to rule A7),
 * and is the socket's own when the header is missing or not a host.
 * @internal
 */
export async function serveOnLoopback(service: FakeService, _region?: string): Promise<LoopbackServer> {
  return startLoopbackServer(async (request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
    const addressed = new Request(`${addressedOrigin(request.headers.get('host'), url.origin)}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body,
    });
    service.setTransport('loopback');
    const response = await getResponse([service.handler], addressed);
    return response ?? HttpResponse.json({ __type: 'HarnessError', message: 'no fake-service handler matched' }, { status: 599 });
  });
}

/** `http://<host>` for a Host header that is a plain host (and port), else the socket's origin. */
function addressedOrigin(host: string | null, socketOrigin: string): string {
  if (host === null || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return socketOrigin;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return socketOrigin;
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
