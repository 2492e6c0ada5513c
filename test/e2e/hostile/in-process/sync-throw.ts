import { hostile } from './base.ts';

export default hostile('sync-throw', () => {
  throw new TypeError('revokeToken threw before returning a promise');
});
