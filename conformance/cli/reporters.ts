import { htmlReporter } from '../report/html.ts';
import { humanReporter } from '../report/human.ts';
import { jsonReporter } from '../report/json.ts';
import { junitReporter } from '../report/junit.ts';
import type { Reporter } from '../run/reporter.ts';
import type { CliIo, ReporterSpec } from './flags.ts';

/**
 * The reporters `--reporter` asks for, the same in every mode. `alongsideHuman` are reporters
 * a mode shows next to the human one (the server suite's informational verdicts).
 */
export function reportersFor(specs: readonly ReporterSpec[], io: CliIo, options: { verbose: boolean; alongsideHuman?: () => Reporter[] }): Reporter[] {
  const one = (spec: ReporterSpec): Reporter[] => {
    if (spec.kind === 'human')
      return [humanReporter({ out: io.stdout, progress: io.stderr as NodeJS.WriteStream, verbose: options.verbose }), ...(options.alongsideHuman?.() ?? [])];
    if (spec.kind === 'html') return [htmlReporter(spec.path)];
    return [spec.kind === 'json' ? jsonReporter(spec.path) : junitReporter(spec.path)];
  };
  return specs.flatMap(one);
}
