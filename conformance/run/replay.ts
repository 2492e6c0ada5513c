import { resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.ts';

/**
 * The command a user types to run the suite again: in a clone of this repository the npm
 * script, in a project that installed the package its bin.
 */
export function suiteCommand(cwd: string = process.cwd()): string {
  const here = resolve(cwd);
  return here === packageRoot || here.startsWith(`${packageRoot}${sep}`) ? 'npm run conformance --' : 'npx revoketoken-conformance';
}

/**
 * Replay lines, the same in both directions: the command that ran the suite (`base`: `npm run
 * conformance --` and the flags that change a verdict), then the case, and for a generated
 * case its seed and the fast-check path of the shrunk failure.
 */
export function replayLine(base: string, caseId: string, generated?: { seed: number; path?: string | undefined; commandsPath?: string | undefined }): string {
  if (!generated) return `${base} --filter ${caseId}`;
  const path = generated.path ? ` --replay ${generated.path}` : '';
  const commands = generated.commandsPath ? ` --replay-commands ${generated.commandsPath}` : '';
  return `${base} --filter ${caseId} --seed ${generated.seed}${path}${commands}`;
}

/** The start of every replay line of a run: the command and the flags that change a verdict. */
export function replayBase(flags: ReadonlyArray<string | undefined | false>): string {
  return [suiteCommand(), ...flags.filter((flag): flag is string => typeof flag === 'string' && flag !== '')].join(' ');
}
