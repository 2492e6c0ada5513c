import { hostile } from './base.ts';

export default hostile('uncaught-throw', (call) => {
  queueMicrotask(() => {
    throw new Error('thrown from nowhere');
  });
  return call();
});
