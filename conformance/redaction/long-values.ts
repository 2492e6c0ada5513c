/**
 * Expected and actual values in verdicts can be long: a 16 KB token, a body, a 1 MB error
 * message. A report shows such a value as its length, where it first differs from the other
 * side, and a short window around that place, never whole.
 */

/** Values up to this many characters are shown whole. @internal */
export const LONG_VALUE_CHARS = 300;
/** Characters shown on each side of the first difference. @internal */
export const DIFFERENCE_WINDOW_CHARS = 40;

/** The index of the first character where the two differ, or -1 when they are equal. */
export function firstDifference(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i += 1) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return a.length === b.length ? -1 : shorter;
}

function windowOf(value: string, at: number, around: number): string {
  const start = Math.max(0, at - around);
  const end = Math.min(value.length, at + around);
  return `${start > 0 ? '…' : ''}${value.slice(start, end)}${end < value.length ? '…' : ''}`;
}

/**
 * One side of a verdict: whole when short. When long: its length and a window around the
 * first difference, where the other side is long too or shares a real prefix with it;
 * otherwise (a long message against a short description) its beginning.
 */
function described(value: string, other: string, difference: number, max: number, around: number): string {
  if (value.length <= max) return value;
  if (difference < 0) return `(${value.length} characters, the same on both sides) ${windowOf(value, 0, around)}`;
  if (other.length <= max && difference < around) return `${value.slice(0, max)}…(${value.length} characters in all)`;
  const at = Math.min(difference, value.length);
  return `(${value.length} characters, first difference at character ${difference}) ${windowOf(value, at, around)}`;
}

/**
 * The expected and actual text of a verdict as a report may show them. Both stay whole when
 * short; a long side is shortened around the first difference. Works on text before redaction
 * (the difference must be found in the real values); redact the result afterwards.
 * @internal
 */
export function showDifference(
  expected: string | undefined,
  actual: string | undefined,
  max = LONG_VALUE_CHARS,
  around = DIFFERENCE_WINDOW_CHARS,
): { expected?: string; actual?: string } {
  const difference = firstDifference(expected ?? '', actual ?? '');
  return {
    ...(expected !== undefined ? { expected: described(expected, actual ?? '', difference, max, around) } : {}),
    ...(actual !== undefined ? { actual: described(actual, expected ?? '', difference, max, around) } : {}),
  };
}
