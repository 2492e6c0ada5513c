import type { Finding, Verdict } from '../../checks/check.ts';
import type { Level } from '../../run/case.ts';
import type { Exchange, ReceivedResponse } from './exchange.ts';
import type { ServerRuleId } from './rules.ts';

/**
 * A preferred way of refusing, judged at should level: the awsJson framework error a Smithy
 * server would send, or the modeled error a typed client can catch.
 * @internal
 */
export interface Preference {
  rule: ServerRuleId;
  /** Error types that satisfy the preference (sanitised names). */
  types?: readonly string[];
  statuses?: readonly number[];
}

/**
 * What the suite expects of one exchange.
 * - `accepted`: a 2xx.
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
  | { kind: 'accepted'; rule: ServerRuleId; level: Level }
  | { kind: 'refused'; rule: ServerRuleId; level: Level; protocolErrors?: readonly string[]; prefer?: Preference; forbidden?: { types: readonly string[]; why: string } }
  | { kind: 'error'; rule: ServerRuleId; level: Level; error: string; message?: { rule: ServerRuleId; pattern: RegExp; text: string } }
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
}

/**
 * A server rule, in the shape of the client suite's `Check` so that verdicts, levels,
 * expectations files and reporters work the same way on both sides.
 * @internal
 */
export interface ServerCheck {
  id: string;
  title: string;
  source: string;
  level(observation: ServerObservation): Level;
  /** Where one check judges several rules: the rule this observation falls under. */
  ruleFor?(observation: ServerObservation): readonly [id: string, title: string];
  appliesTo(observation: ServerObservation): boolean;
  evaluate(observation: ServerObservation): Finding;
}

/** @internal */
export function responseOf(observation: ServerObservation): ReceivedResponse | undefined {
  return observation.exchange.response;
}

/** The response wire rules (S8..S14, P1) judge RevokeToken answers only. @internal */
export const answeredRevokeToken = (o: ServerObservation): boolean => o.operation === 'RevokeToken' && o.exchange.response !== undefined;

/** @internal */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** Runs every applicable check on one exchange. @internal */
export function judgeExchange(checks: readonly ServerCheck[], observation: ServerObservation): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const check of checks) {
    if (!check.appliesTo(observation)) continue;
    const [id, title] = check.ruleFor?.(observation) ?? [check.id, check.title];
    const finding = check.evaluate(observation);
    const level = check.level(observation);
    verdicts.push(
      finding.ok
        ? { check: id, title, level, status: 'pass' }
        : { check: id, title, level, status: 'fail', expected: finding.expected, actual: finding.actual },
    );
  }
  return verdicts;
}

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
        merged.set(key, { verdict: verdict.status === 'fail' ? { ...verdict, actual: `${verdict.actual} [${label}]` } : verdict, failures: verdict.status === 'fail' ? 1 : 0 });
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
