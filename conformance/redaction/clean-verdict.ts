import type { Verdict } from '../judging/check.ts';
import { cleanAdapterText } from './adapter-text.ts';
import { showDifference } from './long-values.ts';
import { type SensitiveValues, walkCopy } from './redact.ts';

/**
 * A verdict as every reporter receives it: a long expected or actual value shortened around
 * its first difference, then redacted, then made safe to show (control characters escaped,
 * length capped). The order matters: the difference is found in the real values, redaction
 * sees the text before any cut, and the cap comes last.
 * @internal
 */
export function cleanVerdict<V extends Verdict>(verdict: V, redact: (text: string) => string): V {
  if (verdict.expected === undefined && verdict.actual === undefined) return verdict;
  const shown = showDifference(verdict.expected, verdict.actual);
  const tidy = (text: string) => cleanAdapterText(redact(text));
  return {
    ...verdict,
    ...(shown.expected !== undefined ? { expected: tidy(shown.expected) } : {}),
    ...(shown.actual !== undefined ? { actual: tidy(shown.actual) } : {}),
  };
}

/** cleanVerdict for each. @internal */
export function cleanVerdicts<V extends Verdict>(verdicts: readonly V[], redact: (text: string) => string): V[] {
  return verdicts.map((v) => cleanVerdict(v, redact));
}

/**
 * A copy of a structure for a report (a counterexample, say): walked, never edited as text,
 * with every sensitive member replaced (unless redaction is off) and every string redacted and
 * made safe to show.
 * @internal
 */
export function cleanStructure<T>(value: T, values: SensitiveValues): T {
  return walkCopy(value, 100_000, (text) => cleanAdapterText(values.redact(text)), values.enabled) as T;
}
