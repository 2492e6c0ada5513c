import { describe, expect, it } from 'vitest';
import { mergeVerdicts } from './server-check.ts';

describe('mergeVerdicts', () => {
  it('fails a rule once, naming the first failing step and counting the others', () => {
    const pass = { check: 'S14', title: 't', level: 'must', status: 'pass' } as const;
    const failure = { ...pass, status: 'fail', expected: 'e', actual: 'a' } as const;
    const merged = mergeVerdicts([
      { label: 'one', verdicts: [pass] },
      { label: 'two', verdicts: [failure] },
      { label: 'three', verdicts: [failure] },
    ]);
    expect(merged).toEqual([{ ...failure, actual: 'a [two] (and 1 more step)' }]);
  });
});
