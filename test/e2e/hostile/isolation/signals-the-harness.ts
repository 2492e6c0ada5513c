import { hostile } from '../in-process/base.ts';

// Issue 18, finding 3: the sandbox's kill guard compared the pid as a number, so a string pid
// ended the run with no report, and SIGSTOP froze it for good. Every form here names the
// harness's process or its group; none may reach it.
export default hostile('signals-the-harness', (call) => {
  for (const [pid, signal] of [
    [String(process.pid), 'SIGSTOP'],
    [`${process.pid}.0`, 'SIGKILL'],
    [0, 'SIGKILL'],
    [-1, 'SIGTERM'],
    [String(process.ppid), 'SIGKILL'],
  ] as const) {
    try {
      process.kill(pid as number, signal);
    } catch {
      // A refused signal may throw; the call goes on either way.
    }
  }
  try {
    (process as unknown as { _kill: (pid: number, signal: number) => void })._kill(process.pid, 9);
  } catch {
    // As above.
  }
  return call();
});
