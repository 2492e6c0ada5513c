import { getResponse, type HttpHandler, HttpResponse, http } from 'msw';
import { ANY_REGIONAL_ENDPOINT, regionalEndpoint } from '../protocol/aws-json.ts';
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
}

/**
 * The fake Cognito endpoint of a run: one msw handler that answers for whichever case is
 * active, and records every request it sees. The same handler serves all three transports
 * (msw interception, the direct fetch handed to in-process adapters, and a loopback socket),
 * so the fixtures stay the single source of responses.
 * @internal
 */
export class FakeService {
  readonly handler: HttpHandler;
  /** Requests of the active case, in arrival order. */
  requests: CapturedRequest[] = [];
  private active: ServedCase | undefined;
  private transport: Transport = 'intercepted';
  private listeners: Array<(request: CapturedRequest) => void> = [];

  constructor(defaultTransport: Transport = 'intercepted') {
    this.transport = defaultTransport;
    const fallbackTransport = defaultTransport;
    // Every method and path on any regional host: a client that sends GET /x must be caught
    // and judged by the checks, not bounced as an unhandled request.
    this.handler = http.all(ANY_REGIONAL_ENDPOINT, async ({ request }) => {
      const served = this.active;
      const captured = await captureRequest(request, this.transport);
      this.transport = fallbackTransport;
      if (!served) {
        return HttpResponse.json({ __type: 'HarnessError', message: 'request arrived outside any case' }, { status: 599 });
      }
      this.requests.push(captured);
      for (const listener of this.listeners) listener(captured);
      return served.respond(this.requests.length, captured);
    });
  }

  begin(served: ServedCase): void {
    this.active = served;
    this.requests = [];
  }

  end(): CapturedRequest[] {
    this.active = undefined;
    this.listeners = [];
    return this.requests;
  }

  /** The transport the next captured request arrives by (the loopback bridge sets it). */
  setTransport(transport: Transport): void {
    this.transport = transport;
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
 * path, query, headers and body; only the origin is swapped for the regional endpoint, so the
 * same handler matches them and the checks see the request as sent.
 * @internal
 */
export async function serveOnLoopback(service: FakeService, region: string): Promise<LoopbackServer> {
  const origin = regionalEndpoint(region);
  return startLoopbackServer(async (request) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
    const rewritten = new Request(`${origin}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body });
    service.setTransport('loopback');
    const response = await getResponse([service.handler], rewritten);
    return response ?? HttpResponse.json({ __type: 'HarnessError', message: 'no fake-service handler matched' }, { status: 599 });
  });
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
