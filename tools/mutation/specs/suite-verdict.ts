import { Writable } from 'node:stream';
import { runCli } from '../../../conformance/cli/main.ts';

/**
 * Runs the conformance CLI in-process (the very entry `npm run conformance` uses) and keeps
 * what it printed, so a failing mutant's report can be read in Stryker's log.
 */
export async function conformanceVerdict(argv: string[]): Promise<{ code: number; report: string }> {
  let report = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      report += String(chunk);
      done();
    },
  });
  // No GitHub Actions reporter, even when the mutation run itself is in Actions.
  const code = await runCli(argv, { stdout: sink, stderr: sink, env: {} });
  return { code, report };
}
