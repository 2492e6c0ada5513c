import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', 'test/**/*.spec.ts'],
    // .cache/ holds Stryker's sandbox copies of the project during npm run mutation.
    exclude: ['node_modules/**', 'dist/**', 'build/**', '.cache/**'],
    // Smithy, Maven, pip and child processes make a few suites slow on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Under CI a skipped test is a failure: see test/setup/no-skips.ts.
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: 'conformance-results/vitest-junit.xml' },
  },
});
