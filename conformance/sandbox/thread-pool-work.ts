import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import zlib from 'node:zlib';

/**
 * Work the adapter handed to libuv's thread pool that Node does not list among a thread's active
 * resources: crypto jobs (pbkdf2, scrypt, random bytes, key generation, hkdf, and every
 * crypto.subtle operation) and zlib's one-shot calls. File requests are listed already. A call
 * waiting on such a job waits on something real, however long a loaded machine takes to run
 * it, so the idle probe must not call it stuck (issue 18, finding 11: a verdict that depended
 * on load). Each job is counted from its start to its callback or settlement.
 */
export interface ThreadPoolWork {
  /** Jobs started and not yet finished. */
  pending(): number;
}

const CALLBACK_FUNCTIONS = {
  crypto: [
    'pbkdf2',
    'scrypt',
    'randomBytes',
    'randomFill',
    'randomInt',
    'generateKeyPair',
    'generateKey',
    'generatePrime',
    'checkPrime',
    'hkdf',
    'pseudoRandomBytes',
  ],
  zlib: ['deflate', 'deflateRaw', 'gzip', 'gunzip', 'inflate', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress'],
} as const;

const SUBTLE_METHODS = [
  'encrypt',
  'decrypt',
  'sign',
  'verify',
  'digest',
  'generateKey',
  'deriveKey',
  'deriveBits',
  'importKey',
  'exportKey',
  'wrapKey',
  'unwrapKey',
] as const;

export function trackThreadPoolWork(): ThreadPoolWork {
  let pending = 0;
  const finishOnce = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      pending -= 1;
    };
  };

  const wrapCallbacks = (target: Record<string, unknown>, names: readonly string[]) => {
    for (const name of names) {
      const real = target[name];
      if (typeof real !== 'function') continue;
      target[name] = function tracked(this: unknown, ...args: unknown[]) {
        const at = args.findLastIndex((arg) => typeof arg === 'function');
        // Without a callback the call is synchronous (randomBytes(n)) or throws: nothing to wait on.
        if (at < 0) return (real as (...a: unknown[]) => unknown).apply(this, args);
        const callback = args[at] as (...a: unknown[]) => unknown;
        const finish = finishOnce();
        args[at] = function finished(this: unknown, ...results: unknown[]) {
          finish();
          return callback.apply(this, results);
        };
        pending += 1;
        try {
          return (real as (...a: unknown[]) => unknown).apply(this, args);
        } catch (error) {
          finish();
          throw error;
        }
      };
    }
  };
  wrapCallbacks(crypto as unknown as Record<string, unknown>, CALLBACK_FUNCTIONS.crypto);
  wrapCallbacks(zlib as unknown as Record<string, unknown>, CALLBACK_FUNCTIONS.zlib);

  // crypto.subtle: on the prototype, so globalThis.crypto.subtle and webcrypto.subtle are both counted.
  const subtle = Object.getPrototypeOf(crypto.webcrypto.subtle) as Record<string, unknown>;
  for (const name of SUBTLE_METHODS) {
    const real = subtle[name];
    if (typeof real !== 'function') continue;
    subtle[name] = function tracked(this: unknown, ...args: unknown[]) {
      const finish = finishOnce();
      pending += 1;
      let result: unknown;
      try {
        result = (real as (...a: unknown[]) => unknown).apply(this, args);
      } catch (error) {
        finish();
        throw error;
      }
      Promise.resolve(result).then(finish, finish);
      return result;
    };
  }

  syncBuiltinESMExports();
  return { pending: () => pending };
}
