import type { Verdict } from '../judging/check.ts';

/** `Token: "abc"` -> the member and its value, when a verdict side has that form (rule C8's). */
function memberValue(text: string): { member: string; value: unknown } | undefined {
  const match = /^(\w+): ([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  try {
    return { member: match[1]!, value: JSON.parse(match[2]!) };
  } catch {
    return { member: match[1]!, value: match[2]! };
  }
}

/** The first position (from 0) where two texts differ, and whether one of them ends there. */
function firstDifference(a: string, b: string): { at: number; oneEnds: boolean } {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  return { at, oneEnds: at === a.length || at === b.length };
}

/**
 * A hint for a verdict whose difference redaction hid: when the shown expected and actual
 * read the same (`Token: "[redacted]"` on both sides) but the values differ, where they
 * differ (a position gives away no character) and how to see them. Undefined when the
 * difference is visible, or when there is none.
 */
export function hiddenDifferenceHint(raw: Verdict, shown: Verdict): string | undefined {
  if (raw.expected === undefined || raw.actual === undefined || raw.expected === raw.actual) return undefined;
  if (shown.expected !== shown.actual) return undefined;
  const expected = memberValue(raw.expected);
  const actual = memberValue(raw.actual);
  const sameMember = expected !== undefined && actual !== undefined && expected.member === actual.member;
  const [a, b] =
    sameMember && typeof expected.value === 'string' && typeof actual.value === 'string' ? [expected.value, actual.value] : [raw.expected, raw.actual];
  const { at, oneEnds } = firstDifference(a, b);
  const where = `${sameMember ? `${expected.member}: ` : ''}the values differ at character ${at + 1}${oneEnds ? ', where one of them ends' : ''}`;
  return `${where}; run with --no-redact to see them`;
}
