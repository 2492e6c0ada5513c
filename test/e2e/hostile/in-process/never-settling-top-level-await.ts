import { hostile } from './base.ts';

await new Promise(() => {});

export default hostile('never-settling-top-level-await', (call) => call());
