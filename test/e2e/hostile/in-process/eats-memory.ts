import { hostile } from './base.ts';

// Allocates until the sandbox's heap bound ends it.
export default hostile('eats-memory', () => {
  const hoard: string[][] = [];
  for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `leak ${i} ${hoard.length}`));
});
