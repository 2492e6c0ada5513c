import { writeFileAtomically } from '../files/write-file-atomically.ts';
import type { Reporter } from '../run/reporter.ts';

/** Bumped when the JSON report's shape changes in a way a reader would notice. */
export const JSON_REPORT_VERSION = 1;

/** Writes the whole run (summary and every result, already redacted) as one JSON file. */
export function jsonReporter(path: string): Reporter {
  return {
    onResult() {},
    onEnd(summary, results) {
      writeFileAtomically(path, `${JSON.stringify({ version: JSON_REPORT_VERSION, summary, results }, null, 2)}\n`);
    },
  };
}
