import { isDeepStrictEqual } from 'node:util';
import { fail, pass } from '../judging/check.ts';
import type { ClientCheck } from './check.ts';

/**
 * How `after` differs from `before`, the snapshot of the caller's input taken before the call:
 * the first member added, removed or changed, in one phrase; '' when they are equal. Values are
 * never quoted (they may be secrets), only member names.
 */
export function describeInputChange(before: Readonly<Record<string, unknown>>, after: unknown): string {
  if (after === null || typeof after !== 'object') return `the input became ${after === null ? 'null' : typeof after}`;
  let current: Record<string, unknown>;
  try {
    current = { ...(after as Record<string, unknown>) };
  } catch {
    return 'the input can no longer be read';
  }
  for (const member of Object.keys(before)) {
    if (!Object.hasOwn(current, member)) return `${member} was removed`;
    if (!isDeepStrictEqual(current[member], before[member])) return `${member} was changed`;
  }
  for (const member of Object.keys(current)) {
    if (!Object.hasOwn(before, member)) return `${member} was added`;
  }
  return '';
}

/** Rule A9: the object the caller passed comes back as it was, so the caller can pass it again. */
export const a9CallerInputUnchanged: ClientCheck = {
  name: 'a9CallerInputUnchanged',
  rules: ['A9'],
  level: () => 'must',
  appliesTo: (o) => o.inputChange !== undefined,
  evaluate: (o) => (o.inputChange === '' ? pass : fail("the caller's input unchanged after the call", `${o.inputChange} by the call`)),
};
