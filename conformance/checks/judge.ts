import type { Check, Observation, Verdict } from './check.ts';

/** Runs every applicable check on one observation. */
export function judge(checks: readonly Check[], observation: Observation): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const check of checks) {
    if (!check.appliesTo(observation)) continue;
    const [id, title] = check.ruleFor?.(observation) ?? [check.id, check.title];
    const finding = check.evaluate(observation);
    verdicts.push(
      finding.ok
        ? { check: id, title, level: check.level(observation), status: 'pass' }
        : { check: id, title, level: check.level(observation), status: 'fail', expected: finding.expected, actual: finding.actual },
    );
  }
  return verdicts;
}
