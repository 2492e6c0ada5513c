import { type Finding, fail, pass } from '../judging/check.ts';
import type { ClientRuleId } from '../rules/registry.ts';
import { answered, type ClientCheck, caseLevel, describeOutcome, type Observation } from './check.ts';

/**
 * The error-name rules differ only in which wire variant a case puts the code in, so one
 * check judges the name and reports under the most specific rule the case is tagged with, in
 * this order. A case that expects a named error and carries none of these tags is judged as C20.
 */
export const ERROR_NAME_RULES = ['C19', 'C17', 'C16', 'C15', 'C14', 'C18', 'C22', 'C20'] as const satisfies readonly ClientRuleId[];

export function errorNameRule(o: Observation): (typeof ERROR_NAME_RULES)[number] {
  return ERROR_NAME_RULES.find((id) => o.case.tags.includes(id)) ?? 'C20';
}

/** C14..C20, C22: the client surfaces the error under the code the service sent. */
export const errorName: ClientCheck = {
  name: 'errorName',
  rules: ERROR_NAME_RULES,
  ruleFor: errorNameRule,
  level: caseLevel,
  appliesTo: (o) => answered(o) && o.case.expect.outcome === 'error' && o.case.expect.name !== undefined,
  evaluate: (o): Finding => {
    const expected = o.case.expect.outcome === 'error' ? o.case.expect.name : undefined;
    if (o.outcome.kind !== 'rejected') return fail(`rejected with ${expected}`, describeOutcome(o));
    return o.outcome.error.name === expected ? pass : fail(`${expected}`, o.outcome.error.name);
  },
};
