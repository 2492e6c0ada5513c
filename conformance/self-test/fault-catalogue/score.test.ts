import { describe, expect, it } from 'vitest';
import { inPool, type ModuleVerdict, scoreLine } from './score.ts';

describe('inPool', () => {
  it('keeps the order of the items and never runs more than the pool at once', async () => {
    let running = 0;
    let most = 0;
    const results = await inPool([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});

describe('scoreLine', () => {
  it('counts the caught entries', () => {
    const verdict = (id: string, caught: boolean): ModuleVerdict => ({ id, caught, failedRules: [], failedCases: [], passed: 0, failed: caught ? 1 : 0 });
    expect(scoreLine([verdict('a', true), verdict('b', false), verdict('c', true)])).toBe('caught 2 of 3');
  });
});
