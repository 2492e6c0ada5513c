import type { Verdict } from '../judging/check.ts';
import { judge } from '../judging/judge.ts';
import { REVOKE_TOKEN_TARGET } from '../protocol/aws-json.ts';
import { h1Answered } from '../server/checks/answered.ts';
import { ROUTING_ERRORS } from '../server/checks/declared-errors.ts';
import { p2NoKnownSecret, s12EveryOperation, s13EveryOperation, s14EveryOperation, s16UniqueRequestId } from '../server/checks/every-answer.ts';
import { SERVER_CHECKS } from '../server/checks/index.ts';
import { REQUEST_ID_HEADERS } from '../server/checks/request-id.ts';
import type { ExpectedOutcome, ServerObservation } from '../server/checks/server-check.ts';
import { requestVerdicts } from '../service/request-verdicts.ts';
import type { ObservedExchange } from './observe.ts';

/** The rules that judge every answer, of any operation: answered, no internals, a request id of its own, no secret handed back. */
const EVERY_ANSWER = [h1Answered, s12EveryOperation, s13EveryOperation, s14EveryOperation, s16UniqueRequestId, p2NoKnownSecret];
/** What a RevokeToken answer adds to its own rules: a request id of its own, no secret of another request. */
const ACROSS_ANSWERS = [s16UniqueRequestId, p2NoKnownSecret];

// Judged as a fixture with no expectation of its own: the client's body members are taken as meant.
const LIVE_REQUEST = { id: 'live', level: 'must' as const, tags: [], response: { code: 200 }, expect: { outcome: 'success' as const } };

/**
 * What a server must do with the request: nothing particular for a RevokeToken request it can
 * route (the proxy does not know the token's state), but refuse one no operation can claim (a
 * misspelt target, another method) with a 4xx, where the framework errors are allowed (S1).
 */
function expectationOf(observed: ObservedExchange): ExpectedOutcome {
  const routable = observed.request.method === 'POST' && observed.request.headers['x-amz-target'] === REVOKE_TOKEN_TARGET;
  return !observed.revokeToken || routable ? { kind: 'observe' } : { kind: 'refused', rule: 'S1', level: 'must', protocolErrors: ROUTING_ERRORS };
}

/**
 * What the proxy remembers across exchanges, to judge an answer against the ones before it:
 * the request ids already seen (S16), and the tokens and secrets earlier requests carried (P2).
 */
export class ExchangeLedger {
  readonly #requestIds = new Set<string>();
  readonly #known: string[] = [];
  // Bounded: a long session must not grow without end; the newest values are the likeliest to come back.
  static readonly MAX_KNOWN = 2_000;
  static readonly MAX_REQUEST_IDS = 100_000;

  /** The verdicts of one exchange: the client rules on a RevokeToken request, the server rules on every answer. */
  judge(observed: ObservedExchange, timeoutMs: number): Verdict[] {
    const response = observed.exchange.response;
    const id = response === undefined ? undefined : REQUEST_ID_HEADERS.map((name) => response.headers[name]?.trim()).find((v) => v !== undefined && v !== '');
    const repeatedRequestId = id !== undefined && this.#requestIds.has(id);
    const knownBefore = [...this.#known, ...observed.knownSecrets];
    const plain: ServerObservation = {
      operation: observed.operation,
      exchange: observed.exchange,
      expected: expectationOf(observed),
      sensitive: observed.secrets,
      timeoutMs,
    };
    const ledgered: ServerObservation = { ...plain, ledger: { caseId: `exchange ${observed.index}`, knownBefore, repeatedRequestId } };
    const verdicts = observed.revokeToken
      ? [
          ...requestVerdicts(observed.request, LIVE_REQUEST),
          ...judge(SERVER_CHECKS, { ...plain, operation: 'RevokeToken' }),
          ...judge(ACROSS_ANSWERS, ledgered),
        ]
      : judge(EVERY_ANSWER, ledgered);
    if (id !== undefined) this.#requestIds.add(id);
    // Bounded too: past the cap the oldest id is forgotten (a Set keeps insertion order).
    if (this.#requestIds.size > ExchangeLedger.MAX_REQUEST_IDS) this.#requestIds.delete(this.#requestIds.values().next().value!);
    for (const secret of observed.knownSecrets) if (!this.#known.includes(secret)) this.#known.push(secret);
    if (this.#known.length > ExchangeLedger.MAX_KNOWN) this.#known.splice(0, this.#known.length - ExchangeLedger.MAX_KNOWN);
    return verdicts;
  }
}
