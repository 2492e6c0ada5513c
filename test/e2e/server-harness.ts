import { Writable } from 'node:stream';
import { runServerCli } from '../../conformance/server/cli/server-cli.ts';

/** Runs the server half of the CLI in-process and collects what it printed. */
export async function serverCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runServerCli(argv, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) });
  return { code, stdout, stderr };
}
