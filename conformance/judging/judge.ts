import { ruleById } from '../rules/registry.ts';
import type { Check, Verdict } from './check.ts';

/**
 * Runs every applicable check on one observation, in either direction. A check that reports a
 * rule it did not declare is a bug in the suite, not in the implementation under test, so it
 * throws rather than produce a verdict nobody can look up.
 * @public
 */
export function judge<O>(checks: readonly Check<O>[], observation: O): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const check of checks) {
    if (!check.appliesTo(observation)) continue;
    const id = check.ruleFor?.(observation) ?? check.rules[0];
    if (!check.rules.includes(id)) throw new Error(`check ${check.name} reported ${id}, which it does not declare (${check.rules.join(', ')})`);
    const title = check.aspect ?? ruleById(id).title;
    const level = check.level(observation);
    const finding = check.evaluate(observation);
    verdicts.push(
      finding.ok
        ? { check: id, title, level, status: 'pass' }
        : { check: id, title, level, status: 'fail', expected: finding.expected, actual: finding.actual },
    );
  }
  return verdicts;
}
