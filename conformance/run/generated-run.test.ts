import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import { type GeneratedRunSpec, runGenerated, timeAndShrinkLimit } from './generated-run.ts';

const verdict = (check: string, status: 'pass' | 'fail', level: 'must' | 'should' = 'must'): Verdict => ({ check, title: check, level, status });

/** A property over whole numbers that fails rule R1 from `threshold` up. */
function spec(overrides: Partial<GeneratedRunSpec<[number], number>> = {}, threshold = 50): GeneratedRunSpec<[number], number> {
  return {
    arbitraries: [fc.integer({ min: 0, max: 1000 })],
    run: async (n) => ({ verdicts: [verdict('R1', n >= threshold ? 'fail' : 'pass')], detail: n }),
    seed: 7,
    numRuns: 100,
    limit: () => undefined,
    isExpected: () => false,
    counted: (v) => v.level === 'must',
    ...overrides,
  };
}

describe('runGenerated', () => {
  it('shrinks a failure to its smallest value and reports the verdicts of that value', async () => {
    const outcome = await runGenerated(spec());
    expect(outcome.failure?.values).toEqual([50]);
    expect(outcome.failure?.detail).toBe(50);
    expect(outcome.failure?.failures.map((v) => v.check)).toEqual(['R1']);
    expect(outcome.failure?.path).toMatch(/^\d+(:\d+)*$/);
  });

  it('replays one shrink path: the shrunk value alone runs', async () => {
    const first = await runGenerated(spec());
    const seen: number[] = [];
    const again = await runGenerated(
      spec({
        seed: first.seed,
        replayPath: first.failure?.path,
        run: async (n) => {
          seen.push(n);
          return { verdicts: [verdict('R1', n >= 50 ? 'fail' : 'pass')], detail: n };
        },
      }),
    );
    expect(seen).toEqual([50]);
    expect(again.failure?.values).toEqual([50]);
  });

  it('passes when every value passes, counting the runs', async () => {
    const outcome = await runGenerated(spec({ numRuns: 20 }, 10_000));
    expect(outcome.failure).toBeUndefined();
    expect(outcome.completedRuns).toBe(20);
    expect(outcome.judged).toEqual(new Set(['R1']));
  });

  it('sorts failures the run does not count into expected failures and warnings, one per rule', async () => {
    const outcome = await runGenerated(
      spec({
        numRuns: 10,
        run: async () => ({ verdicts: [verdict('E1', 'fail'), verdict('W1', 'fail', 'should'), verdict('W1', 'fail', 'should')], detail: 0 }),
        isExpected: (v) => v.check === 'E1',
      }),
    );
    expect(outcome.failure).toBeUndefined();
    expect(outcome.expectedFailures.map((v) => v.check)).toEqual(['E1']);
    expect(outcome.warnings.map((v) => v.check)).toEqual(['W1']);
  });

  it('reports the counted failures of the counterexample, not the expected ones beside them', async () => {
    const outcome = await runGenerated(
      spec({ run: async () => ({ verdicts: [verdict('E1', 'fail'), verdict('R1', 'fail')], detail: 0 }), isExpected: (v) => v.check === 'E1' }),
    );
    expect(outcome.failure?.failures.map((v) => v.check)).toEqual(['R1']);
  });

  it('does not shrink a failure whose every cause already has a counterexample in the run', async () => {
    let runs = 0;
    const outcome = await runGenerated(
      spec({
        run: async (n) => {
          runs += 1;
          return { verdicts: [verdict('R1', n >= 50 ? 'fail' : 'pass')], detail: n };
        },
        counterexamples: new Map([['R1', 'earlier-case']]),
      }),
    );
    expect(outcome.stopped).toBe('not shrunk: R1 already failed in earlier-case');
    expect(outcome.failure).toBeDefined();
    expect(runs).toBe(outcome.completedRuns);
  });

  it('takes a hang as one cause, A4, whatever else the hung value failed', async () => {
    const outcome = await runGenerated(
      spec({
        run: async () => ({ verdicts: [verdict('A4', 'fail'), verdict('C9', 'fail')], detail: 0, hung: true }),
        counterexamples: new Map([['A4', 'the-hang']]),
      }),
    );
    expect(outcome.stopped).toBe('not shrunk: A4 already failed in the-hang');
  });

  it('stops where the limit says, and every later value passes unseen', async () => {
    const outcome = await runGenerated(spec({ limit: (p) => (p.completedRuns >= 3 ? 'three is enough' : undefined) }, 10_000));
    expect(outcome.completedRuns).toBe(3);
    expect(outcome.stopped).toBe('three is enough');
    expect(outcome.failure).toBeUndefined();
  });

  it('stops where a value says, without counting that value as run', async () => {
    const outcome = await runGenerated(spec({ run: async () => ({ stop: 'out of requests' }) }));
    expect(outcome).toMatchObject({ completedRuns: 0, stopped: 'out of requests' });
    expect(outcome.failure).toBeUndefined();
  });

  it('reports a run that throws as crashed, with its cause', async () => {
    const boom = new Error('boom');
    const outcome = await runGenerated(
      spec({
        run: async () => {
          throw boom;
        },
      }),
    );
    expect(outcome.crashed?.cause).toBe(boom);
    expect(outcome.failure).toBeUndefined();
  });
});

describe('timeAndShrinkLimit', () => {
  const limit = timeAndShrinkLimit({ runMs: 100, shrinkSteps: 5, shrinkMs: 50 });

  it('always allows the first run, however late', () => {
    expect(limit({ completedRuns: 0, shrinkSteps: 0, msSinceStart: 1e6, msSinceFailure: undefined })).toBeUndefined();
  });

  it('skips further runs past the time budget', () => {
    expect(limit({ completedRuns: 4, shrinkSteps: 0, msSinceStart: 101, msSinceFailure: undefined })).toBe('time budget: 4 runs in 0.1 s, the rest skipped');
  });

  it('ends shrinking at the step bound or the shrink time, whichever comes first', () => {
    expect(limit({ completedRuns: 4, shrinkSteps: 5, msSinceStart: 0, msSinceFailure: 0 })).toBe('shrink bound: the smallest failure after 5 shrink steps');
    expect(limit({ completedRuns: 4, shrinkSteps: 2, msSinceStart: 0, msSinceFailure: 51 })).toBe(
      'shrink budget: the smallest failure after 0.05 s of shrinking (2 steps)',
    );
    expect(limit({ completedRuns: 4, shrinkSteps: 2, msSinceStart: 1e6, msSinceFailure: 10 })).toBeUndefined();
  });
});
