import { Worker } from 'node:worker_threads';
import { hostile } from '../in-process/base.ts';

// Issue 18, finding 2: a worker thread started by the adapter had no network guard; it resolved a
// name and sent the Token out. Here the worker would connect to the real Cognito host with the
// Token in its data; the call itself is correct.
export default hostile('starts-a-worker', async (call, input) => {
  const worker = new Worker(
    "const net = require('node:net'); const s = net.connect(443, 'cognito-idp.us-east-1.amazonaws.com'); s.on('error', () => {}); s.write(require('node:worker_threads').workerData);",
    { eval: true, workerData: input.Token },
  );
  await new Promise((resolve) => worker.once('exit', resolve));
  return call();
});
