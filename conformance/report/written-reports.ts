import type { Reporter } from '../run/reporter.ts';
import { verdictLine } from './human.ts';

export interface WrittenReportsOptions {
  out: NodeJS.WritableStream;
  /** The report files of the run, as the user named them. */
  files: readonly { kind: string; path: string }[];
  /** --quiet: no console report, so the verdict line is printed here, before the files. */
  quiet: boolean;
}

/**
 * The console's last lines: where every report file went, one line each, so a user (or a CI
 * log) finds them without knowing the flags. Registered after the file reporters, whose
 * onEnd has written each file by the time this one runs. Under --quiet the console report is
 * silenced, but not the run's verdict and these lines: a quiet run that prints nothing leaves
 * a CI log with no trace of the result or of its reports. With no report file and no --quiet
 * it prints nothing (the console report already ends with the verdict).
 */
export function writtenReportsReporter(options: WrittenReportsOptions): Reporter {
  return {
    onResult() {},
    onEnd(summary) {
      if (options.quiet) options.out.write(`${verdictLine(summary)}\n`);
      for (const file of options.files) options.out.write(`wrote ${file.kind} report: ${file.path}\n`);
    },
  };
}
