import { hostile } from './base.ts';

export default hostile('throwing-close', (call) => call(), {
  close: () => {
    throw new Error('close failed on purpose');
  },
});
