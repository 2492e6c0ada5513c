import type { InformationalVerdict } from '../../judging/check.ts';
import type { Result, Summary } from '../../run/result.ts';

/**
 * A server-suite result: the client suite's Result, plus the informational verdicts. Every
 * reporter of conformance/report takes it as it is.
 * @public
 */
export interface ServerResult extends Result {
  informational: InformationalVerdict[];
}

/**
 * The client suite's Summary, plus what only a server run has: how many requests went out,
 * whether the budget stopped the run, and how many informational verdicts differed from the
 * configured outcome.
 * @public
 */
export interface ServerSummary extends Summary {
  requests: number;
  budgetExhausted: boolean;
  informationalDifferences: number;
}
