import { hostile } from './base.ts';

export default hostile('leaks-interval', (call) => {
  setInterval(() => {}, 1_000);
  return call();
});
