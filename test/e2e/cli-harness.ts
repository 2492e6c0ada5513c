import { Writable } from 'node:stream';
import { runCli } from '../../conformance/cli/main.ts';

/** Runs the CLI in-process and collects what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliIn(undefined, ...argv);
}

/** Runs the CLI in-process as if started in `cwd` (where its failures file is kept). */
export async function cliIn(cwd: string | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(argv, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), ...(cwd ? { cwd } : {}) });
  return { code, stdout, stderr };
}

export const adapterPath = (name: string) => new URL(`./adapters/${name}`, import.meta.url).pathname;
