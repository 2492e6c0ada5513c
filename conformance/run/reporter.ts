import type { Result, Summary } from './result.ts';

/** One output format. Reporters get results as they come and the summary at the end. @public */
export interface Reporter {
  onStart?(info: { implementation: string; total: number }): void;
  onResult(result: Result): void;
  onEnd(summary: Summary, results: readonly Result[]): void | Promise<void>;
}
