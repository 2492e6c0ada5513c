import fc from 'fast-check';
import type { Verdict } from '../judging/check.ts';

// The one engine under every generated case of both directions: client properties, client call
// sequences and the server's generated and model-based cases. Each of them says how to run and
// judge one generated value; the engine owns what they share: fast-check's run and shrink loop,
// the budgets that bound it, replay of one shrink path, one shrink per cause, and the sorting of
// every failing verdict into counted, expected and warning (decisions/0018).

/** Where a generated run stands, as a limit sees it before each value. */
export interface RunProgress {
  /** Values run to the end before the first failure. */
  completedRuns: number;
  /** Values tried since the first failure (shrink steps); 0 before it. */
  shrinkSteps: number;
  /** Milliseconds since the run started. */
  msSinceStart: number;
  /** Milliseconds since the first failure; undefined before it. */
  msSinceFailure: number | undefined;
}

/** One value run and judged. */
export interface JudgedValue<D> {
  /** Every verdict of the value, already redacted. */
  verdicts: Verdict[];
  /** What a report needs of the value if it turns out to be the counterexample. */
  detail: D;
  /** A run whose failure is a hang has one cause, A4, whatever else its failing verdicts say. */
  hung?: boolean;
}

/** A value that was not judged: the run stops here, and every later value passes unseen. */
export interface StoppedValue {
  stop: string;
}

/** @internal */
export interface GeneratedRunSpec<Values extends unknown[], D> {
  /** One arbitrary per argument of `run`, as fast-check's property takes them (so replay paths stay stable). */
  arbitraries: { [K in keyof Values]: fc.Arbitrary<Values[K]> };
  run: (...values: Values) => Promise<JudgedValue<D> | StoppedValue>;
  seed: number;
  numRuns: number;
  /** fast-check's path to one shrunk failure: that value alone is run. */
  replayPath?: string | undefined;
  /** Why the rest of the run is skipped once a budget is spent; undefined while within every budget. */
  limit: (progress: RunProgress) => string | undefined;
  /** A failure the expectations list: seen, reported, not counted. */
  isExpected: (verdict: Verdict) => boolean;
  /** Which failures fail the run (must, and should under --strict); the rest are warnings. */
  counted: (verdict: Verdict) => boolean;
  /**
   * Rules that already have a small counterexample in this run, and the case that has it. A
   * value that fails only such rules is the same cause again: it is reported, not shrunk.
   */
  counterexamples?: ReadonlyMap<string, string>;
}

/** @internal */
export interface GeneratedRunOutcome<Values extends unknown[], D> {
  seed: number;
  /** The values fast-check ran, shrinking included. */
  numRuns: number;
  completedRuns: number;
  /** Why values were skipped, if a budget or a stop ended the run early. */
  stopped?: string;
  /** The shrunk counterexample, with its verdicts and fast-check's path to it. */
  failure?: {
    values: Values;
    verdicts: Verdict[];
    detail: D;
    /** The verdicts that fail the run: counted and not expected, or every failing one if none is. */
    failures: Verdict[];
    path: string | undefined;
  };
  /** The run failed without a counterexample: `run` threw (the cause), or fast-check was interrupted. */
  crashed?: { cause: unknown };
  /** One failing verdict per rule that the expectations list, seen in any value. */
  expectedFailures: Verdict[];
  /** One failing verdict per rule that failed without counting (should-level outside --strict). */
  warnings: Verdict[];
  /** Every rule that judged at least one value. */
  judged: ReadonlySet<string>;
}

/** Runs generated values until one fails, then shrinks it, all within the spec's limits. @internal */
export async function runGenerated<Values extends unknown[], D>(spec: GeneratedRunSpec<Values, D>): Promise<GeneratedRunOutcome<Values, D>> {
  const expected = new Map<string, Verdict>();
  const warnings = new Map<string, Verdict>();
  const judged = new Set<string>();
  const startedAt = performance.now();
  let completedRuns = 0;
  let failedAt: number | undefined;
  let shrinkSteps = 0;
  // Past `stopped`, every value passes unseen, which ends fast-check's run, or its shrinking at
  // the smallest failure found so far.
  let stopped: string | undefined;
  let last: { values: Values; verdicts: Verdict[]; detail: D } | undefined;

  const predicate = async (...values: Values): Promise<boolean> => {
    if (stopped !== undefined) return true;
    const now = performance.now();
    stopped = spec.limit({
      completedRuns,
      shrinkSteps,
      msSinceStart: now - startedAt,
      msSinceFailure: failedAt === undefined ? undefined : now - failedAt,
    });
    if (stopped !== undefined) return true;
    if (failedAt !== undefined) shrinkSteps += 1;
    const judgedValue = await spec.run(...values);
    if ('stop' in judgedValue) {
      stopped = judgedValue.stop;
      return true;
    }
    if (failedAt === undefined) completedRuns += 1;
    const failing: string[] = [];
    for (const v of judgedValue.verdicts) {
      judged.add(v.check);
      if (v.status !== 'fail') continue;
      if (spec.isExpected(v)) expected.set(v.check, v);
      else if (spec.counted(v)) failing.push(v.check);
      else warnings.set(v.check, v);
    }
    if (failing.length === 0) return true;
    last = { values, verdicts: judgedValue.verdicts, detail: judgedValue.detail };
    if (failedAt === undefined) {
      failedAt = performance.now();
      const causes = judgedValue.hung && failing.includes('A4') ? ['A4'] : [...new Set(failing)];
      const known = causes.map((rule) => spec.counterexamples?.get(rule));
      if (known.every((by) => by !== undefined)) stopped = `not shrunk: ${causes.join(', ')} already failed in ${[...new Set(known)].join(', ')}`;
    }
    return false;
  };

  const property = fc.asyncProperty(...(spec.arbitraries as unknown as [fc.Arbitrary<unknown>]), predicate as (...values: unknown[]) => Promise<boolean>);
  const details = await fc.check(property, {
    seed: spec.seed,
    numRuns: spec.numRuns,
    ...(spec.replayPath ? { path: spec.replayPath, endOnFailure: true } : {}),
  });

  const outcome: GeneratedRunOutcome<Values, D> = {
    seed: details.seed,
    numRuns: details.numRuns,
    completedRuns,
    ...(stopped !== undefined ? { stopped } : {}),
    expectedFailures: [...expected.values()],
    warnings: [...warnings.values()],
    judged,
  };
  if (details.failed && details.counterexample && last) {
    // The last failing value is fast-check's counterexample: its verdicts are the report's.
    const failingVerdicts = last.verdicts.filter((v) => v.status === 'fail');
    const unexpected = failingVerdicts.filter((v) => spec.counted(v) && !spec.isExpected(v));
    return { ...outcome, failure: { ...last, failures: unexpected.length > 0 ? unexpected : failingVerdicts, path: details.counterexamplePath ?? undefined } };
  }
  if (details.failed) return { ...outcome, crashed: { cause: (details as { errorInstance?: unknown }).errorInstance } };
  return outcome;
}

/** The limits of a client property's run: a time budget for running, then a step and time bound for shrinking. @internal */
export function timeAndShrinkLimit(budget: { runMs: number; shrinkSteps: number; shrinkMs: number }): (progress: RunProgress) => string | undefined {
  return (progress) => {
    if (progress.msSinceFailure === undefined) {
      // At least one run, always: a property that ran nothing would pass without evidence.
      if (progress.completedRuns > 0 && progress.msSinceStart > budget.runMs) {
        return `time budget: ${progress.completedRuns} runs in ${budget.runMs / 1000} s, the rest skipped`;
      }
      return undefined;
    }
    if (progress.shrinkSteps >= budget.shrinkSteps) return `shrink bound: the smallest failure after ${budget.shrinkSteps} shrink steps`;
    if (progress.msSinceFailure > budget.shrinkMs) {
      return `shrink budget: the smallest failure after ${budget.shrinkMs / 1000} s of shrinking (${progress.shrinkSteps} steps)`;
    }
    return undefined;
  };
}
