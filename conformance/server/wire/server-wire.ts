import { HEADER, operationOfTarget } from '../../protocol/aws-json.ts';
import type { Exchange } from './exchange.ts';
import { type OutgoingRequest, sendOnce } from './send-once.ts';

/**
 * The run has sent as many requests as it may (`maxRequests`); nothing more goes out.
 * @internal
 */
export class RequestBudgetExhausted extends Error {
  override name = 'RequestBudgetExhausted';
  constructor(readonly maxRequests: number) {
    super(`the run's budget of ${maxRequests} requests is spent (raise it with --max-requests)`);
  }
}

/** @internal */
export interface ServerWireOptions {
  endpoint: URL;
  /** The most requests the run may send. */
  maxRequests: number;
  /** The most requests per second. */
  ratePerSecond: number;
  /** How long one request may take, body included. */
  timeoutMs: number;
  /** The address every request connects to (see resolveEndpoint); absent: the endpoint's host as given. */
  address?: string;
  /** Sends one request; defaults to node:http. Tests swap it. */
  send?: (endpoint: URL, request: OutgoingRequest, timeoutMs: number, address?: string) => Promise<Exchange>;
}

/**
 * The one way the server suite reaches a server. Requests go one at a time, in the order
 * they were asked for, no faster than the rate, and no more than the budget, so a run is
 * gentle with an emulator and bounded against anything else.
 * @internal
 */
export class ServerWire {
  readonly endpoint: URL;
  readonly timeoutMs: number;
  readonly maxRequests: number;
  readonly address: string | undefined;
  #sent = 0;
  #refused = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #nextStart = 0;
  readonly #intervalMs: number;
  readonly #send: NonNullable<ServerWireOptions['send']>;

  constructor(options: ServerWireOptions) {
    if (!Number.isInteger(options.maxRequests) || options.maxRequests < 1) throw new RangeError('maxRequests must be a whole number of at least 1');
    if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be above 0');
    if (!Number.isInteger(options.timeoutMs) || options.timeoutMs < 1) throw new RangeError('timeoutMs must be a whole number of at least 1');
    this.endpoint = options.endpoint;
    this.timeoutMs = options.timeoutMs;
    this.maxRequests = options.maxRequests;
    this.address = options.address;
    this.#intervalMs = 1000 / options.ratePerSecond;
    this.#send = options.send ?? sendOnce;
  }

  /** Tokens, secrets and passwords the run knows, in the order it learnt them. */
  readonly #known: string[] = [];
  readonly #knownSet = new Set<string>();
  // The log shares one snapshot among the requests sent while nothing new was learnt, so it
  // grows with what the run learns, not with requests times values.
  #knownSnapshot: readonly string[] = [];
  readonly #requestIds = new Set<string>();
  /** Every exchange of the run, with what was known when it was sent (P2, S16). */
  readonly log: LoggedExchange[] = [];
  /** The case whose requests go out now, for the log. */
  currentCase = '';

  /** Values no answer may carry from now on. Values under 8 characters are kept too; P2 skips them. */
  remember(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (value === undefined || value === '' || this.#knownSet.has(value)) continue;
      this.#knownSet.add(value);
      this.#known.push(value);
    }
  }

  /** Requests sent (or queued) so far. */
  get sent(): number {
    return this.#sent;
  }

  /** True once a request was refused for want of budget. */
  get exhausted(): boolean {
    return this.#refused > 0;
  }

  /** Sends one request after those already queued. Rejects with RequestBudgetExhausted, never for a server's failure. */
  send(request: OutgoingRequest): Promise<Exchange> {
    if (this.#sent >= this.maxRequests) {
      this.#refused += 1;
      return Promise.reject(new RequestBudgetExhausted(this.maxRequests));
    }
    this.#sent += 1;
    const turn = this.#queue.then(async () => {
      const wait = this.#nextStart - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.#nextStart = performance.now() + this.#intervalMs;
      if (this.#knownSnapshot.length !== this.#known.length) this.#knownSnapshot = this.#known.slice();
      const knownBefore = this.#knownSnapshot;
      const caseId = this.currentCase;
      const exchange = await this.#send(this.endpoint, request, this.timeoutMs, this.address);
      const id = requestIdOf(exchange);
      const repeatedRequestId = id !== undefined && this.#requestIds.has(id);
      if (id !== undefined) this.#requestIds.add(id);
      this.log.push({ caseId, operation: operationOfTarget(targetHeader(request)) ?? '(no target)', exchange, knownBefore, repeatedRequestId });
      return exchange;
    });
    // The queue only orders requests; one request's failure must not stop the next.
    this.#queue = turn.catch(() => undefined);
    return turn;
  }
}

/** One exchange as the run's log keeps it. @internal */
export interface LoggedExchange {
  caseId: string;
  operation: string;
  exchange: Exchange;
  /** The tokens, secrets and passwords the run knew when the request went out. */
  knownBefore: readonly string[];
  /** The answer's request id was seen on an earlier answer of the run. */
  repeatedRequestId: boolean;
}

const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id'];

function requestIdOf(exchange: Exchange): string | undefined {
  const headers = exchange.response?.headers;
  if (!headers) return undefined;
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

function targetHeader(request: OutgoingRequest): string | undefined {
  return Object.entries(request.headers).find(([name]) => name.toLowerCase() === HEADER.target)?.[1];
}
