// What both directions of mutation testing share. Each direction's config adds what to
// mutate and which vitest config holds its killing spec.

/** @param {'client' | 'server'} direction */
export function strykerConfig(direction, mutate) {
  const reports = `conformance-results/mutation/${direction}`;
  return {
    testRunner: 'vitest',
    vitest: {
      configFile: `tools/mutation/vitest.${direction}.config.ts`,
      // The killing spec reaches the code under test through the CLI (a dynamic import of the
      // adapter module, or the server started by --server), not through static imports.
      related: false,
    },
    plugins: ['@stryker-mutator/vitest-runner'],
    mutate,
    coverageAnalysis: 'perTest',
    // The machine's two cores are shared with other work.
    concurrency: 1,
    // A mutant that makes a call hang is caught by the suite's own timeouts (rule A4); Stryker's
    // timeout is only the last resort for a mutant that hangs the harness itself.
    timeoutMS: 60_000,
    reporters: ['json', 'clear-text', 'html', 'progress'],
    jsonReporter: { fileName: `${reports}/mutation.json` },
    htmlReporter: { fileName: `${reports}/mutation.html` },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    incremental: true,
    incrementalFile: `tools/mutation/stryker-incremental-${direction}.json`,
    tempDirName: '.cache/stryker-tmp',
    cleanTempDir: true,
    // Toolchains and build output the killing specs never read; copying them would only slow the sandbox.
    ignorePatterns: ['.venv', '.cache', 'tools/mutation/node_modules', 'dist', 'build', 'conformance-results', 'tools/smithy/lib', '.stryker-tmp'],
    thresholds: { high: 100, low: 95, break: null },
  };
}
