import { type Finding, fail, pass } from '../judging/check.ts';
import { HEADER, sanitizeErrorCode } from '../protocol/aws-json.ts';
import type { ClientRuleId } from '../rules/registry.ts';
import { answered, type ClientCheck, caseLevel, describeOutcome, type Observation } from './check.ts';

/**
 * The error-name rules differ only in which wire variant a case puts the code in, so one
 * check judges the name and reports under the most specific rule the case is tagged with, in
 * this order. A case that expects a named error and carries none of these tags is judged as C20.
 */
export const ERROR_NAME_RULES = ['C19', 'C17', 'C16', 'C15', 'C14', 'C18', 'C22', 'C20'] as const satisfies readonly ClientRuleId[];

export function errorNameRule(o: Observation): (typeof ERROR_NAME_RULES)[number] {
  if (carriersDisagree(o)) return 'C14';
  return ERROR_NAME_RULES.find((id) => o.case.tags.includes(id)) ?? 'C20';
}

/**
 * Whether the answer names different errors in different places (X-Amzn-Errortype, the body's
 * `code`, its `__type`). Then the name is decided by C14's order alone (header, then `code`, then
 * `__type`: protocol/aws-json.ts resolveErrorCode), whatever else the case is tagged with, so
 * a client that reads the carriers in another order is reported under C14.
 */
export function carriersDisagree(o: Observation): boolean {
  const response = o.case.response;
  if (response === 'hang' || response.fault !== undefined) return false;
  const names = new Set<string>();
  const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === HEADER.errorType)?.[1];
  if (header) names.add(sanitizeErrorCode(header));
  try {
    const body: unknown = response.body === undefined ? undefined : JSON.parse(response.body);
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      for (const member of ['code', '__type']) {
        const value = (body as Record<string, unknown>)[member];
        if (typeof value === 'string') names.add(sanitizeErrorCode(value));
      }
    }
  } catch {
    // A body that is not JSON names nothing.
  }
  return names.size > 1;
}

/** C14..C20, C22: the client surfaces the error under the code the service sent (C14 when several carriers disagree). */
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
