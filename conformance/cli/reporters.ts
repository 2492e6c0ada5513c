import { ctrfReporter } from '../report/ctrf.ts';
import { githubReporter } from '../report/github.ts';
import { htmlReporter } from '../report/html.ts';
import { humanReporter } from '../report/human.ts';
import { jsonReporter } from '../report/json.ts';
import { junitReporter } from '../report/junit.ts';
import { writtenReportsReporter } from '../report/written-reports.ts';
import type { Reporter } from '../run/reporter.ts';
import type { CliIo, ReporterSpec } from './flags.ts';

/**
 * The reporters of a run, the same in every mode. The console report always runs unless
 * `quiet`: `--reporter` files add to it, never replace it. The console ends with the path of
 * each file written; `quiet` leaves only those lines and the verdict line. GitHub Actions (GITHUB_ACTIONS=true)
 * gets its annotations and job summary without asking. `alongsideHuman` are reporters a mode
 * shows next to the console report (the server suite's informational verdicts). `usersFile`
 * (the user's adapter module or config file) is where JUnit and GitHub point a case whose file
 * is not in the user's repository.
 */
export function reportersFor(
  specs: readonly ReporterSpec[],
  io: CliIo,
  options: { verbose: boolean; quiet?: boolean; alongsideHuman?: () => Reporter[]; usersFile?: string | undefined },
): Reporter[] {
  const env = io.env ?? process.env;
  const reporters: Reporter[] = [];
  if (!options.quiet) {
    reporters.push(
      humanReporter({ out: io.stdout, progress: io.stderr as NodeJS.WriteStream, verbose: options.verbose }),
      ...(options.alongsideHuman?.() ?? []),
    );
  }
  if (specs.some((spec) => spec.kind === 'github') || env.GITHUB_ACTIONS === 'true') {
    reporters.push(
      githubReporter({
        out: io.stdout,
        summaryPath: env.GITHUB_STEP_SUMMARY || undefined,
        usersFile: options.usersFile,
        ...(env.GITHUB_WORKSPACE ? { cwd: env.GITHUB_WORKSPACE } : {}),
      }),
    );
  }
  for (const spec of specs) {
    if (spec.kind === 'json') reporters.push(jsonReporter(spec.path));
    else if (spec.kind === 'junit') reporters.push(junitReporter(spec.path, { usersFile: options.usersFile }));
    else if (spec.kind === 'ctrf') reporters.push(ctrfReporter(spec.path));
    else if (spec.kind === 'html') reporters.push(htmlReporter(spec.path));
  }
  // Last, so every file is written before its path is printed.
  const files = specs.flatMap((spec) => ('path' in spec ? [{ kind: spec.kind, path: spec.path }] : []));
  if (files.length > 0 || options.quiet) reporters.push(writtenReportsReporter({ out: io.stdout, files, quiet: options.quiet ?? false }));
  return reporters;
}
