import { join, resolve } from 'node:path';
import { BUILT_IN_ADAPTERS } from '../adapters/load.ts';
import { FIXTURES_DIR } from '../fixtures/load.ts';
import { packageRoot } from '../package-root.ts';
import { FAILURES_FILE } from '../run/failures-file.ts';
import type { RunInput } from './reporter-paths.ts';

/** The bundled expectations file of a built-in client or a server lane (it may not exist). */
export const bundledExpectationsPath = (name: string) => join(packageRoot, 'conformance', 'expectations', `${name}.json`);

// Paths the user gives are resolved against the process's working directory, as the loaders do;
// the failures file lives in the run's directory (`runDirectory`, the CLI's io.cwd).

/** What every run reads, in either direction: the fixtures and the failures file with its folder. */
function commonInputs(runDirectory: string, expectations: string | undefined): RunInput[] {
  const failures = join(runDirectory, FAILURES_FILE);
  return [
    ...(expectations !== undefined ? [{ what: 'the expectations file (--expectations)', path: resolve(expectations) }] : []),
    { what: 'the fixtures folder', path: FIXTURES_DIR, folder: true },
    { what: 'the failures file', path: failures },
    { what: "the failures file's folder", path: join(failures, '..'), folder: true },
  ];
}

/** The files a client run reads, which no report may replace. */
export function clientRunInputs(
  options: { adapter: string; command?: string; expectations?: string },
  configFile: string | undefined,
  runDirectory: string,
): RunInput[] {
  const builtIn = options.command === undefined && Object.hasOwn(BUILT_IN_ADAPTERS, options.adapter);
  const expectations = options.expectations ?? (builtIn ? bundledExpectationsPath(options.adapter) : undefined);
  return [
    ...(options.command === undefined && !builtIn ? [{ what: 'the adapter module (--adapter)', path: resolve(options.adapter) }] : []),
    ...(configFile !== undefined ? [{ what: 'the config file', path: configFile }] : []),
    ...commonInputs(runDirectory, expectations),
  ];
}

/** The files a server run reads, which no report may replace. */
export function serverRunInputs(expectations: string | undefined, runDirectory: string): RunInput[] {
  return commonInputs(runDirectory, expectations);
}
