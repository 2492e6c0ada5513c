import { describe, expect, it } from 'vitest';
import { settle } from './clock.ts';

/**
 * A promise that counts every `then` made on it or on the promises derived from it: `then` on
 * a subclass instance makes another instance (Symbol.species), so whatever settle() derives
 * from the call's promise and listens to is counted too.
 */
function countingPromises() {
  let thens = 0;
  class Counted<T> extends Promise<T> {
    // biome-ignore lint/suspicious/noThenProperty: a promise subclass that counts its then() calls is what the test measures
    override then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null) {
      thens += 1;
      return super.then(onFulfilled, onRejected);
    }
  }
  return { never: () => new Counted<never>(() => {}), thens: () => thens };
}

/** Waits on a call that never settles for `turns` turns of the event loop (ended by the idle probe, not by time). */
async function thensOverTurns(turns: number): Promise<number> {
  const counted = countingPromises();
  let probes = 0;
  const settlement = await settle(counted.never, {
    fakeTime: true,
    realBudgetMs: 600_000,
    // Asked once a turn once the call has had its first turns; says "idle" after `turns` of them.
    waitsOnNothing: () => {
      probes += 1;
      return probes >= turns;
    },
    idleGraceMs: 0,
  });
  expect(settlement.kind).toBe('unsettled');
  expect(probes).toBe(turns);
  return counted.thens();
}

describe('settle', () => {
  it('listens to a pending call once, however many turns it waits: constant memory', async () => {
    const few = await thensOverTurns(10);
    const many = await thensOverTurns(5_000);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(2);
  });

  it('names the timers a settled call left, and runs them so what they send arrives in the case', async () => {
    const sent: number[] = [];
    const settlement = await settle(
      async () => {
        setTimeout(() => sent.push(30_000), 30_000);
        return 'done';
      },
      { fakeTime: true, realBudgetMs: 600_000, lookAfterSettled: true },
    );
    expect(settlement).toMatchObject({ kind: 'resolved', value: 'done', virtualMs: 0, leftTimers: ['setTimeout 30000 ms'] });
    expect(sent).toEqual([30_000]);
  });

  it('finds nothing left after a clean call, and calls onSettled as the call settles', async () => {
    let settledSeen = false;
    const settlement = await settle(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return 'done';
      },
      { fakeTime: true, realBudgetMs: 600_000, lookAfterSettled: true, onSettled: () => (settledSeen = true) },
    );
    expect(settlement).toMatchObject({ kind: 'resolved', virtualMs: 1_000, leftTimers: [] });
    expect(settledSeen).toBe(true);
  });

  it('runs a timer that re-arms itself a bounded number of times', async () => {
    let fired = 0;
    const settlement = await settle(
      async () => {
        const again = () => {
          fired += 1;
          setTimeout(again, 10);
        };
        setTimeout(again, 10);
      },
      { fakeTime: true, realBudgetMs: 600_000, lookAfterSettled: true },
    );
    expect(settlement.leftTimers).toEqual(['setTimeout 10 ms']);
    expect(fired).toBeGreaterThan(0);
    expect(fired).toBeLessThanOrEqual(20);
  });
});
