import type { Verdict } from '../../judging/check.ts';
import type { Result, Summary } from '../../run/result.ts';

/**
 * What a server did where its real behaviour is unverified, compared with the outcome the run
 * was configured to expect: `pass` when they agree. Never counted, whatever the level or
 * --strict; reported so that differences stay visible.
 * @public
 */
export interface InformationalVerdict extends Verdict {
  informational: true;
}

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
