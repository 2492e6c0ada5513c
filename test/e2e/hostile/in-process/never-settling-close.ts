import { hostile } from './base.ts';

export default hostile('never-settling-close', (call) => call(), { close: () => new Promise<void>(() => {}) });
