import { hostile } from './base.ts';

export default hostile('throwing-getters', async () => {
  const error = new Error('decoded');
  Object.defineProperty(error, 'name', {
    get() {
      throw new Error('name getter throws');
    },
  });
  Object.defineProperty(error, '$metadata', {
    get() {
      throw new Error('$metadata getter throws');
    },
  });
  throw error;
});
