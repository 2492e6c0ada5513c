import { pbkdf2 } from 'node:crypto';
import { hostile } from '../in-process/base.ts';

// Issue 18, finding 11, the correct side: a client that derives a key on libuv's thread pool
// before its call. Node lists no resource for that job, so on a loaded machine the idle probe
// found the call "waiting on nothing" (A4). It must pass however long the job takes.
export default hostile('waits-on-a-crypto-job', async (call) => {
  await new Promise((resolve, reject) => pbkdf2('password', 'salt', 200_000, 64, 'sha512', (error, key) => (error ? reject(error) : resolve(key))));
  return call();
});
