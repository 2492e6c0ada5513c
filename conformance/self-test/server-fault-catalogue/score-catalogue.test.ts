import { describe, expect, it } from 'vitest';
import { formatScore } from './score-catalogue.ts';

describe('formatScore', () => {
  it('says how many of the entries were caught and names the survivors', () => {
    const text = formatScore([
      { id: 'a', caught: true, failures: ['semantics-revoking-ends-the-session: R3'] },
      { id: 'b', caught: false, failures: [] },
    ]);
    expect(text).toBe('server fault catalogue: caught 1 of 2\n  survived: b');
  });
});
