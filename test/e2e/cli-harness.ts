import { Writable } from 'node:stream';
import { runCli } from '../../conformance/cli/main.ts';

/**
 * Runs the CLI in-process and collects what it printed. The environment reporters read is
 * empty, so specs run the same inside GitHub Actions (no annotations, no job summary).
 */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliAt({}, undefined, ...argv);
}

/** The same, with the environment reporters see (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY). */
export async function cliWithEnv(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliAt(env, undefined, ...argv);
}

/** Runs the CLI in-process as if started in `cwd` (where its failures file is kept). */
export async function cliIn(cwd: string | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliAt({}, cwd, ...argv);
}

async function cliAt(env: Record<string, string>, cwd: string | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(argv, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), env, ...(cwd ? { cwd } : {}) });
  return { code, stdout, stderr };
}

export const adapterPath = (name: string) => new URL(`./adapters/${name}`, import.meta.url).pathname;
