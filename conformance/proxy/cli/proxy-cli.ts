import { type CliIo, EXIT, runCommand, UsageError } from '../../cli/flags.ts';
import { checkReporterPaths } from '../../cli/reporter-paths.ts';
import { reportersFor } from '../../cli/reporters.ts';
import { loadFixtures } from '../../fixtures/load.ts';
import { EndpointSafetyError } from '../../server/wire/endpoint-safety.ts';
import { runProxy } from '../run-proxy.ts';
import { PROXY_USAGE, parseProxyOptions } from './proxy-options.ts';

/** `revoketoken-conformance proxy ...`: the judging proxy, with exit codes that follow its verdicts. @internal */
export async function runProxyCli(
  argv: readonly string[],
  io: CliIo,
  control: { signal?: AbortSignal; onListening?: (url: string) => void } = {},
): Promise<number> {
  return runCommand(
    async () => {
      const options = await parseProxyOptions(argv);
      if (options.help) {
        io.stdout.write(`${PROXY_USAGE}\n`);
        return EXIT.ok;
      }
      checkReporterPaths(options.reporters);
      let run;
      try {
        run = await runProxy({
          upstream: options.upstream,
          allowRemote: options.allowRemote,
          port: options.port,
          ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}),
          ...(options.durationMs !== undefined ? { durationMs: options.durationMs } : {}),
          upstreamTimeoutMs: options.upstreamTimeoutMs,
          strict: options.strict,
          redact: options.redact,
          ...(options.recordDir !== undefined ? { recordDir: options.recordDir, existingFixtureIds: (await loadFixtures()).map((f) => f.id) } : {}),
          ...(options.upstreamName !== undefined ? { upstreamName: options.upstreamName } : {}),
          reporters: reportersFor(options.reporters, io, { verbose: options.verbose, quiet: options.quiet }),
          print: (line) => io.stdout.write(`${line}\n`),
          stopOnSignals: control.signal === undefined,
          ...(control.signal ? { signal: control.signal } : {}),
          ...(control.onListening ? { onListening: control.onListening } : {}),
        });
      } catch (error) {
        // A refused or unparsable upstream is the flag's problem: name it.
        if (error instanceof EndpointSafetyError) throw new UsageError(`--upstream ${options.upstream}: ${error.message}`);
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`--port ${options.port}: already in use on 127.0.0.1`);
        throw error;
      }
      if (run.summary.total === 0) {
        io.stderr.write('conformance: proxy: no request arrived, so nothing was judged\n');
        return EXIT.usage;
      }
      return run.summary.failed > 0 ? EXIT.failed : EXIT.ok;
    },
    io,
    { configurationErrors: [], helpHint: 'run revoketoken-conformance proxy --help for the options' },
  );
}
