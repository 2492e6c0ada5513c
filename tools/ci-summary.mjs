#!/usr/bin/env node
// Reads vitest JSON reports and prints one closing line, "tests: N passed, N failed", that CI
// can read. Under CI a skipped or pending test is a failure: nothing may skip there.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) {
    process.stderr.write(`${file}: no test ran\n`);
    failed += 1;
  }
}
if (skipped > 0) process.stderr.write(`${skipped} test(s) skipped: under CI=true nothing may skip\n`);
process.stdout.write(`tests: ${passed} passed, ${failed + skipped} failed\n`);
process.exit(failed + skipped > 0 ? 1 : 0);
