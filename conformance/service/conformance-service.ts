import { type HttpHandler, HttpResponse, http } from 'msw';
import type { RevokeTokenInput } from '../adapters/contract.ts';
import type { Fixture } from '../fixtures/types.ts';
import type { Verdict } from '../judging/check.ts';
import { AWS_JSON_1_1_CONTENT_TYPE, HEADER, regionalEndpoint } from '../protocol/aws-json.ts';
import { type CapturedRequest, captureRequest } from '../wire/captured-request.ts';
import { fixtureResponse } from '../wire/fixture-response.ts';
import { describeFailure, requestVerdicts } from './request-verdicts.ts';

/** @public */
export interface ConformanceServiceOptions {
  /** The region the client under test is configured for; default us-east-1. */
  region?: string;
  /**
   * Answer a request that breaks a must rule with HTTP 400 and a JSON error naming the rule
   * (`__type: RevokeTokenConformanceError`) instead of the fixture's answer. Default false:
   * every request gets the fixture's answer, and the verdicts are there to read.
   */
  refuseNonConforming?: boolean;
  /** Called with every request once it is judged. */
  onRequest?: (judged: JudgedRequest) => void;
}

/** @public */
export interface HandlerOptions {
  /**
   * The members the caller set: the body must carry exactly these (C8, C9). `'fixture'`: the
   * fixture's own params. Default: whatever members the body has are taken as meant, and only
   * the body's form is judged (a JSON object, valid against the RevokeTokenRequest schema).
   */
  params?: RevokeTokenInput | 'fixture';
}

/** One request the service answered, with the suite's verdicts on it. @public */
export interface JudgedRequest {
  /** The request as received (its body holds what the client sent, token included). */
  request: CapturedRequest;
  /** The id of the fixture whose handler answered. */
  fixture: string;
  /** The request rules (C1-C6, C8-C10), passed and failed. Tokens and secrets are redacted. */
  verdicts: Verdict[];
  /** True when the service answered 400 instead of the fixture (refuseNonConforming). */
  refused: boolean;
}

/** @public */
export interface AssertConformantOptions {
  /**
   * Pass when no RevokeToken request arrived at all. Default false: an assertion with nothing
   * to judge fails, since a client that never called (a handler not installed, another region
   * or endpoint, a call not awaited) would otherwise pass unseen. Set it for a test whose code
   * must not call RevokeToken.
   */
  allowNoRequests?: boolean;
}

/**
 * Requests that broke a rule of the contract; `failures` has each request's failed verdicts.
 * When no request arrived at all, `failures` is empty and the message says so.
 * @public
 */
export class NonConformingRequestError extends Error {
  override name = 'NonConformingRequestError';
  readonly failures: readonly { request: number; fixture: string; verdicts: Verdict[] }[];

  constructor(failures: NonConformingRequestError['failures'], total: number, region = 'us-east-1') {
    super(total === 0 ? noRequestMessage(region) : brokenRequestsMessage(failures, total));
    this.failures = failures;
  }
}

function brokenRequestsMessage(failures: NonConformingRequestError['failures'], total: number): string {
  const lines = failures.flatMap((f) => [`request ${f.request} of ${total} (answered by ${f.fixture}):`, ...f.verdicts.map((v) => `  ${describeFailure(v)}`)]);
  return `${failures.length} of ${total} RevokeToken request${total === 1 ? '' : 's'} broke the contract:\n${lines.join('\n')}`;
}

/** Why nothing was judged is the user's to find; the message lists the usual causes, most common first. */
function noRequestMessage(region: string): string {
  return [
    'no RevokeToken request reached the conformance service, so nothing was judged. Check that:',
    '  - server.use(service.handlerFor(fixture)) ran before your code made the call (and after any server.resetHandlers());',
    `  - your client calls ${regionalEndpoint(region)} (the service answers region ${region} only; set createConformanceService({ region }) otherwise);`,
    '  - your code awaited the call before assertConformant().',
    'When no call is expected, use assertConformant({ allowNoRequests: true }).',
  ].join('\n');
}

/**
 * A fake Cognito for your own msw setup that judges what your client sends, as the suite does.
 * @public
 */
export interface ConformanceService {
  /**
   * An msw handler answering every request to the regional endpoint (any method, any path) as
   * `fixture` says, after judging it. A request whose X-Amz-Target names another operation of
   * the service is left to your other handlers.
   */
  handlerFor(fixture: Fixture, options?: HandlerOptions): HttpHandler;
  /** Every request answered so far, in arrival order. */
  readonly requests: readonly JudgedRequest[];
  /** The verdicts on every request so far, in arrival order. */
  verdicts(): Verdict[];
  /** The failed verdicts only. */
  failures(): Verdict[];
  /**
   * Throws NonConformingRequestError listing every failed verdict, by request; passes when at
   * least one request arrived and none broke a rule. Throws when no request arrived, unless
   * `allowNoRequests` is set.
   */
  assertConformant(options?: AssertConformantOptions): void;
  /** Forgets the requests seen so far (e.g. in afterEach). */
  reset(): void;
}

/** The host of one region's endpoint, any path: a client that sends GET /x is judged, not left unhandled. */
function endpointPattern(region: string): RegExp {
  const origin = regionalEndpoint(region).replace(/[.]/g, '\\.');
  return new RegExp(`^${origin}(/.*)?$`);
}

/**
 * Whether a request is this service's to judge: every request to the endpoint except one whose
 * X-Amz-Target names another operation (InitiateAuth, GetUser...), which falls through to the
 * user's other handlers. A RevokeToken call with a misspelt target is still judged (C4).
 */
function isRevokeTokenCall(request: Request): boolean {
  const target = request.headers.get(HEADER.target);
  return target === null || /(^|[.#])revoketoken$/i.test(target.trim()) || !/^[\w.#]+$/.test(target.trim());
}

/** The answer to a request that broke a must rule: a 400 that names each rule, in the protocol's own error form. */
function refusal(failed: readonly Verdict[]): Response {
  const message = `the request breaks the RevokeToken contract: ${failed.map(describeFailure).join('; ')}`;
  return HttpResponse.json(
    {
      __type: 'RevokeTokenConformanceError',
      message,
      violations: failed.map((v) => ({ rule: v.check, title: v.title, expected: v.expected, actual: v.actual })),
    },
    { status: 400, headers: { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, [HEADER.errorType]: 'RevokeTokenConformanceError' } },
  );
}

/**
 * Creates a conformance service: handlers that answer as the fixtures say and judge every
 * request with the suite's request checks.
 *
 * ```ts
 * const service = createConformanceService({ refuseNonConforming: true });
 * server.use(service.handlerFor(fixture));
 * // ... call your code ...
 * service.assertConformant();
 * ```
 * @public
 */
export function createConformanceService(options: ConformanceServiceOptions = {}): ConformanceService {
  const region = options.region ?? 'us-east-1';
  let requests: JudgedRequest[] = [];
  return {
    handlerFor(fixture, handlerOptions = {}) {
      const params = handlerOptions.params === 'fixture' ? fixture.params : handlerOptions.params;
      return http.all(endpointPattern(region), async ({ request }) => {
        // Returning nothing lets msw try the next handler.
        if (!isRevokeTokenCall(request)) return undefined;
        const captured = await captureRequest(request.clone(), 'intercepted');
        const verdicts = requestVerdicts(captured, fixture, params);
        const failedMust = verdicts.filter((v) => v.status === 'fail' && v.level === 'must');
        const refused = options.refuseNonConforming === true && failedMust.length > 0;
        const judged: JudgedRequest = { request: captured, fixture: fixture.id, verdicts, refused };
        requests.push(judged);
        options.onRequest?.(judged);
        return refused ? refusal(failedMust) : fixtureResponse(fixture.response);
      });
    },
    get requests() {
      return requests;
    },
    verdicts: () => requests.flatMap((r) => r.verdicts),
    failures: () => requests.flatMap((r) => r.verdicts.filter((v) => v.status === 'fail')),
    assertConformant(assertOptions = {}) {
      if (requests.length === 0) {
        if (assertOptions.allowNoRequests === true) return;
        throw new NonConformingRequestError([], 0, region);
      }
      const failures = requests
        .map((r, index) => ({ request: index + 1, fixture: r.fixture, verdicts: r.verdicts.filter((v) => v.status === 'fail') }))
        .filter((f) => f.verdicts.length > 0);
      if (failures.length > 0) throw new NonConformingRequestError(failures, requests.length, region);
    },
    reset() {
      requests = [];
    },
  };
}
