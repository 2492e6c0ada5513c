import { pbkdf2 } from 'node:crypto';
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
  // A crypto job on libuv's thread pool, long past the idle grace: Node lists no resource for it
  // (no timer, no handle in this thread), yet it settles the call (issue 18, finding 11).
  'thread-pool-job': () =>
    new Promise((resolve, reject) => pbkdf2('password', 'salt', 300_000, 64, 'sha512', (error, key) => (error ? reject(error) : resolve(key)))),
  // The same through an ESM named import taken at load: the count sees it too.
  'thread-pool-digest': () => crypto.subtle.digest('SHA-512', new Uint8Array(32 * 1024 * 1024)),
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
