import { defineConfig } from 'vitest/config';

/**
 * The vitest config of one direction's killing spec (tools/mutation/specs/), kept out of
 * `npm test`: the spec runs the whole suite once per mutant.
 */
export function mutationVitestConfig(direction: 'client' | 'server') {
  return defineConfig({
    test: {
      root: new URL('../..', import.meta.url).pathname,
      include: [`tools/mutation/specs/${direction}-direction.spec.ts`],
      // Tests in a file run in order: the default-mode test first, so killedBy names it when it
      // is enough, and the strict-mode test only for mutants the default run lets through.
      sequence: { shuffle: false },
      testTimeout: 300_000,
      hookTimeout: 300_000,
      reporters: ['default'],
    },
  });
}
