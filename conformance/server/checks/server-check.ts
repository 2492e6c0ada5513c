import type { Check, Level, Verdict } from '../../judging/check.ts';
import type { ServerRuleId } from '../../rules/registry.ts';
import type { Exchange, ReceivedResponse } from '../wire/exchange.ts';

/** The rules a case can name as the outcome it is about: routing, body, constraints, auth and the semantics. @internal */
export const OUTCOME_RULES = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S15',
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
  'R15',
  'R16',
  'R17',
  'R18',
] as const satisfies readonly ServerRuleId[];

/** @internal */
export type OutcomeRuleId = (typeof OUTCOME_RULES)[number];

/** The rules a case can name for its preferred way of refusing. @internal */
export const PREFERENCE_RULES = ['S7', 'S2', 'S4'] as const satisfies readonly ServerRuleId[];

/**
 * A preferred way of refusing, judged at should level: the awsJson framework error a Smithy
 * server would send, or the modeled error a typed client can catch.
 * @internal
 */
export interface Preference {
  rule: (typeof PREFERENCE_RULES)[number];
  /** Error types that satisfy the preference (sanitised names). */
  types?: readonly string[];
  statuses?: readonly number[];
}

/**
 * What the suite expects of one exchange.
 * - `accepted`: a 2xx (for a refresh, with or without a new refresh token).
 * - `refused`: a 4xx; errors RevokeToken declares are allowed, and `protocolErrors` names
 *   the framework errors allowed too (for a request no operation can claim, or a body no
 *   deserialiser can read); `forbidden` names error types that would show the rule broken
 *   (SerializationException for an empty body, which must read as {}).
 * - `error`: a specific error (the semantics rules), optionally with a message at should level.
 * - `observe`: no expectation on the outcome (behaviour nobody has verified, or a session the
 *   suite can no longer predict); the wire rules still apply.
 * @internal
 */
export type ExpectedOutcome =
  | {
      kind: 'accepted';
      rule: OutcomeRuleId;
      level: Level;
      /** A refresh answer: whether its AuthenticationResult must carry a refresh token (true) or must not (false), judged under R11. */
      refreshToken?: boolean;
      /** A GetUser answer: the other users of the run, none of whom it may name (R15). */
      notUsers?: readonly string[];
    }
  | {
      kind: 'refused';
      rule: OutcomeRuleId;
      level: Level;
      protocolErrors?: readonly string[];
      prefer?: Preference;
      forbidden?: { types: readonly string[]; why: string };
    }
  | { kind: 'error'; rule: OutcomeRuleId; level: Level; error: string; message?: { rule: OutcomeRuleId; pattern: RegExp; text: string } }
  | { kind: 'observe' };

/**
 * Everything a server check may look at: one exchange, the operation it called and what was
 * expected of it.
 * @internal
 */
export interface ServerObservation {
  /** The operation named in X-Amz-Target (RevokeToken for every protocol probe). */
  operation: string;
  exchange: Exchange;
  expected: ExpectedOutcome;
  /** Sensitive values the request carried: none may come back in the response. */
  sensitive: readonly string[];
  /** The per-request time limit, for the message of a request that got no answer. */
  timeoutMs: number;
  /**
   * Set where the exchange is judged again from the run's log of every answer (the last case):
   * what the run knew when the request went out, and whether its request id came before.
   */
  ledger?: { caseId: string; knownBefore: readonly string[]; repeatedRequestId: boolean };
}

/** A check of the server direction: the one `Check` of conformance/judging over a server observation. @internal */
export type ServerCheck = Check<ServerObservation>;

/** @internal */
export function responseOf(observation: ServerObservation): ReceivedResponse | undefined {
  return observation.exchange.response;
}

/**
 * The response wire rules (S8..S14, P1) judge RevokeToken answers where a case sent them; the
 * log of every answer is judged by its own checks (every-answer.ts).
 * @internal
 */
export const answeredRevokeToken = (o: ServerObservation): boolean =>
  o.operation === 'RevokeToken' && o.exchange.response !== undefined && o.ledger === undefined;

/** @internal */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/**
 * Folds the verdicts of a case's exchanges into one per rule and level: a rule fails when it
 * fails on any exchange, and the report says on which (`label`) and how many.
 * @internal
 */
export function mergeVerdicts(judged: ReadonlyArray<{ label: string; verdicts: readonly Verdict[] }>): Verdict[] {
  const merged = new Map<string, { verdict: Verdict; failures: number }>();
  for (const { label, verdicts } of judged) {
    for (const verdict of verdicts) {
      const key = `${verdict.check}\u0000${verdict.level}`;
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, {
          verdict: verdict.status === 'fail' ? { ...verdict, actual: `${verdict.actual} [${label}]` } : verdict,
          failures: verdict.status === 'fail' ? 1 : 0,
        });
      } else if (verdict.status === 'fail') {
        if (seen.failures === 0) seen.verdict = { ...verdict, actual: `${verdict.actual} [${label}]` };
        seen.failures += 1;
      }
    }
  }
  return [...merged.values()].map(({ verdict, failures }) =>
    failures > 1 ? { ...verdict, actual: `${verdict.actual} (and ${failures - 1} more step${failures > 2 ? 's' : ''})` } : verdict,
  );
}
