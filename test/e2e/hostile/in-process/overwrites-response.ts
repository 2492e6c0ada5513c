import { hostile } from './base.ts';

export default hostile('overwrites-response', async (call) => {
  const result = await call();
  (globalThis as { Response?: unknown }).Response = undefined;
  return result;
});
