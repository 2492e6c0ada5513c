import { hostile } from './base.ts';

export default hostile('unhandled-rejection', (call) => {
  void Promise.reject(new Error('nobody handles this'));
  return call();
});
