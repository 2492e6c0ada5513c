import { hostile } from './base.ts';

export default hostile('non-promise', () => 42);
