import { spawn } from 'node:child_process';
import type { Adapter, RevokeTokenInput } from '../../adapters/contract.ts';

// A client for idle-probe.test.ts: the Token it is given names what its call waits on. It
// sends nothing; only how (and whether) the call can settle matters here.

// Taken at load, before the harness fakes the global: a real timer, as a client's own would be.
const realSetTimeout = globalThis.setTimeout;

const WAITS: Record<string, () => Promise<unknown>> = {
  // A promise nobody resolves: nothing at all can settle the call.
  nothing: () => new Promise(() => {}),
  // A real timer of 300 ms: slow, but it settles.
  'real-timer': () => new Promise((resolve) => realSetTimeout(resolve, 300)),
  // Output from a child process, over a real pipe: no timer in this thread at all.
  'real-pipe': () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.stdout.write("done"), 300)'], { stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.once('data', resolve);
      child.once('error', reject);
    }),
  // A back-off sleep on the (fake) global timer: the harness jumps the clock over it.
  'back-off': () => new Promise((resolve) => setTimeout(resolve, 5_000)),
  // A chain of real immediates lasting longer than the idle grace: progress without any timer.
  'immediate-chain': () =>
    new Promise((resolve) => {
      const startedAt = performance.now();
      const hop = () => (performance.now() - startedAt > 300 ? resolve(undefined) : setImmediate(hop));
      setImmediate(hop);
    }),
};

const adapter: Adapter = {
  name: 'waits-on',
  async revokeToken(input: RevokeTokenInput) {
    const wait = WAITS[String(input.Token)];
    if (wait === undefined) throw new Error(`waits-on: no such wait ${String(input.Token)}`);
    await wait();
    return { $metadata: {} };
  },
};

export default adapter;
