import { Worker } from 'node:worker_threads';
import { hostile } from '../in-process/base.ts';

// Issue 18, findings 2 and 11: a worker thread started by the adapter had no network guard (it
// sent the Token to a listener), and a correct client waiting for a worker's exit passed on an
// idle machine and failed A4 under load. This worker would send the Token to the listener on
// 127.0.0.1:REVOKETOKEN_HOSTILE_PORT; the call itself is correct once the worker has ended.
export default hostile('starts-a-worker', async (call, input) => {
  const worker = new Worker(
    "const { workerData } = require('node:worker_threads'); require('node:net').connect(workerData.port, '127.0.0.1', function () { this.end(workerData.token); }).on('error', () => {});",
    { eval: true, workerData: { port: Number(process.env.REVOKETOKEN_HOSTILE_PORT), token: input.Token } },
  );
  await new Promise((resolve) => worker.once('exit', resolve));
  return call();
});
