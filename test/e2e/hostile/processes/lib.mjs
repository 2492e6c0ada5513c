// Helpers of the hostile client processes: the capabilities line, and recording the pids of
// everything they start so the spec can check that nothing is left running.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export const HELLO = { protocol: 1, name: 'hostile process', capabilities: {} };

export function greet() {
  process.stdout.write(`${JSON.stringify(HELLO)}\n`);
}

/** Records a pid in the file named by argv[2]. */
export function record(pid) {
  appendFileSync(process.argv[2], `${pid}\n`);
}

/** Starts a node process that sleeps for ever (ignoring SIGTERM too); `ownSession` puts it in a session of its own (setsid). */
export function startSleeper(ownSession) {
  const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1e6)"], {
    detached: ownSession,
    stdio: 'ignore',
  });
  record(child.pid);
  child.unref();
  return child;
}
