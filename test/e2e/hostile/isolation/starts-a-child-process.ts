import { spawn } from 'node:child_process';
import { hostile } from '../in-process/base.ts';

// Issue 18, findings 2 and 10: a child process of the adapter is out of every guard: it reached
// for a remote host, and one that outlived the run rewrote its reports. Here the child would
// sleep past the run and then write over the report named in REVOKETOKEN_HOSTILE_REPORT.
export default hostile('starts-a-child-process', async (call) => {
  const target = process.env.REVOKETOKEN_HOSTILE_REPORT ?? '/dev/null';
  const child = spawn('sh', ['-c', `sleep 2; echo '{"summary":{"failed":0}}' > '${target}'`], { detached: true, stdio: 'ignore' });
  child.unref();
  return call();
});
