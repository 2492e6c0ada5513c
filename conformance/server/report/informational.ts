import type { InformationalVerdict } from '../../judging/check.ts';
import type { Reporter } from '../../run/reporter.ts';
import type { Result, Summary } from '../../run/result.ts';

/** @internal */
export interface InformationalReporterOptions {
  out: NodeJS.WritableStream;
  /** Also list the unverified cases that went as configured. */
  verbose?: boolean;
}

function notesOf(result: Result): InformationalVerdict[] {
  const notes = (result as Result & { informational?: unknown }).informational;
  return Array.isArray(notes) ? (notes as InformationalVerdict[]) : [];
}

/**
 * Reports what a server did where the real service is unverified, after the human report: one
 * block per behaviour, the configured outcome beside the observed one. It never changes the
 * outcome of a run. Pair it with the human reporter; JSON and JUnit reports carry the same
 * verdicts in each result's `informational` field.
 * @internal
 */
export function informationalReporter(options: InformationalReporterOptions): Reporter {
  const write = (text: string) => options.out.write(`${text}\n`);
  return {
    onResult() {},
    onEnd(summary: Summary, results: readonly Result[]) {
      const seen = new Map<string, { note: InformationalVerdict; cases: string[] }>();
      for (const result of results) {
        for (const note of notesOf(result)) {
          const key = `${note.check}\u0000${note.actual}`;
          const entry = seen.get(key) ?? { note, cases: [] };
          if (!entry.cases.includes(result.id)) entry.cases.push(result.id);
          seen.set(key, entry);
        }
      }
      const shown = [...seen.values()].filter(({ note }) => options.verbose || note.status === 'fail');
      const requests = (summary as Summary & { requests?: number; budgetExhausted?: boolean }).requests;
      if (shown.length > 0) {
        write('');
        write('Unverified behaviour (informational, never a failure):');
        for (const { note, cases } of shown) {
          write(`  ${note.check} ${note.title}`);
          write(`    configured: ${note.expected}`);
          write(`    observed:   ${note.actual}${note.status === 'pass' ? '' : ' (differs)'}`);
          write(`    in: ${cases.join(', ')}`);
        }
      }
      if ((summary as Summary & { budgetExhausted?: boolean }).budgetExhausted) {
        write(`The request budget ran out after ${requests ?? '?'} requests: some cases did not run (raise --max-requests).`);
      }
    },
  };
}
