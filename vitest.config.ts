import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // examples/ imports the package by name, as its users do; here the names map to the sources.
    alias: [
      { find: /^revoketoken-conformance\/vitest$/, replacement: source('./conformance/vitest/index.ts') },
      { find: /^revoketoken-conformance\/conformance$/, replacement: source('./conformance/index.ts') },
      { find: /^revoketoken-conformance$/, replacement: source('./generated/index.ts') },
    ],
  },
  test: {
    include: ['**/*.test.ts', 'test/**/*.spec.ts'],
    // .cache/ holds Stryker's sandbox copies of the project during npm run mutation.
    exclude: ['**/node_modules/**', 'dist/**', 'build/**', '.cache/**'],
    // Smithy, Maven, pip and child processes make a few suites slow on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Under CI a skipped test is a failure: tools/ci-summary.mjs counts skips as failures.
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: 'conformance-results/vitest-junit.xml' },
  },
});
