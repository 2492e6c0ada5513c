import type { Result, Summary } from './result.ts';

/**
 * The summary of a run, in either direction: counts by classification, the warnings, and
 * what the run was (which implementation, strict or not, the seed, how long it took).
 */
export function summarize(results: readonly Result[], run: { implementation: string; strict: boolean; seed: number; startedAt: number }): Summary {
  const count = (kind: Result['classified']['kind']) => results.filter((r) => r.classified.kind === kind).length;
  return {
    implementation: run.implementation,
    total: results.length,
    passed: count('pass'),
    failed: count('fail'),
    expectedFailures: count('expected-fail'),
    unexpectedPasses: count('unexpected-pass'),
    notApplicable: count('not-applicable'),
    warnings: results.reduce((n, r) => n + r.warnings.length, 0),
    strict: run.strict,
    seed: run.seed,
    durationMs: Math.round(performance.now() - run.startedAt),
  };
}
