import type { Level, RuleId } from '../rules/registry.ts';

// The level belongs to the rules; checks and verdicts speak of it all the time.
export type { Level };

/** What a check found: a pass, or what it expected and what it saw instead. @public */
export type Finding = { ok: true } | { ok: false; expected: string; actual: string };

/** @public */
export const pass: Finding = { ok: true };

/** @public */
export function fail(expected: string, actual: string): Finding {
  return { ok: false, expected, actual };
}

/**
 * One check: a plain function over one observation type, the client direction's exchange or
 * the server direction's. The rules it reports are declared in conformance/rules/registry.ts;
 * a check names the ones it can report, so that `--explain` can point from a rule to the
 * file that judges it and a check can never report a rule nobody declared.
 * @public
 */
export interface Check<O> {
  /** The check's own name, unique within its direction (e.g. `error-name`, `S8-object`). */
  name: string;
  /** The rules it may report; the first unless `ruleFor` picks another. */
  rules: readonly [RuleId, ...RuleId[]];
  /**
   * What this check judges when it is one part of a rule (the should-level half of S8, say);
   * absent: the rule's own title is shown.
   */
  aspect?: string;
  /** The level of a failure: fixed for wire rules, the case's own level for outcome rules. */
  level(observation: O): Level;
  /** Where one check judges several rules: the rule this observation falls under. */
  ruleFor?(observation: O): RuleId;
  appliesTo(observation: O): boolean;
  evaluate(observation: O): Finding;
}

/**
 * The judgement of one rule on one case. `check` holds the rule id (C8, S10...): the name
 * predates the registry and is what expectations files and reports key on.
 * @public
 */
export interface Verdict {
  check: string;
  title: string;
  level: Level;
  status: 'pass' | 'fail';
  expected?: string;
  actual?: string;
}

/**
 * What a server did where its real behaviour is unverified, compared with the outcome the run
 * was configured to expect: `pass` when they agree. Never counted, whatever the level or
 * --strict; reported so that differences stay visible.
 * @public
 */
export interface InformationalVerdict extends Verdict {
  informational: true;
}
