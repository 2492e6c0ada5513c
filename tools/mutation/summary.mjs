#!/usr/bin/env node
// Reads Stryker's JSON report of one direction (conformance-results/mutation/<direction>/
// mutation.json) and prints the figure: total, killed (by the default-mode run, or by the
// strict-mode run only), survived, equivalent, and score = killed / (total - equivalent).
// Every survivor must be listed in tools/mutation/equivalent.json with a kind and a reason, and
// every listed one must still survive: otherwise it exits 1, so a survivor is work, never noise.
// An entry matches a mutant by file, the mutated line's code, columns, mutator and replacement
// (`line` is where it was last seen, so an edit above it does not unlist it). `--skeleton` prints the
// unlisted survivors as entries to fill in.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const direction = process.argv[2];
const skeleton = process.argv.includes('--skeleton');
// What makes a survivor not count against the score. A `gap` is a survivor the suite could
// catch and does not yet: it is listed so it is known, and it still counts as survived.
const KINDS = {
  'fault-switch': 'the mutated code is a fault switch of the self-test mutants, off in the correct client',
  equivalent: 'no observable difference at all',
  'allowed-by-contract': 'observable, but the contract or the rule allows it, or it is outside what the suite judges',
  gap: 'observable and not caught yet (counts as survived)',
};
if (direction !== 'client' && direction !== 'server') {
  console.error('usage: node tools/mutation/summary.mjs client|server');
  process.exit(2);
}
const reportPath = `${root}conformance-results/mutation/${direction}/mutation.json`;
if (!existsSync(reportPath)) {
  console.error(`mutation summary: no report at ${reportPath}; run npm run mutation -- ${direction} first`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const equivalentPath = `${root}tools/mutation/equivalent.json`;
const equivalents = JSON.parse(readFileSync(equivalentPath, 'utf8')).equivalents;
for (const [index, entry] of equivalents.entries()) {
  if (!(entry.kind in KINDS)) {
    console.error(`${equivalentPath}: equivalents[${index}].kind must be one of ${Object.keys(KINDS).join(', ')}`);
    process.exit(2);
  }
  for (const field of ['file', 'line', 'column', 'endColumn', 'code', 'mutator', 'replacement', 'reason']) {
    if (entry[field] === undefined || entry[field] === '') {
      console.error(`${equivalentPath}: equivalents[${index}] has no ${field}`);
      process.exit(2);
    }
  }
}

const testNames = new Map();
for (const file of Object.values(report.testFiles ?? {})) for (const test of file.tests) testNames.set(test.id, test.name);
const modeOf = (testId) => {
  const name = testNames.get(testId) ?? testId;
  if (name.endsWith('strict mode')) return 'strict';
  if (name.endsWith('default mode')) return 'default';
  return 'other';
};

const sourceLines = Object.fromEntries(Object.entries(report.files).map(([file, { source }]) => [file, source.split('\n')]));
const codeAt = (file, line) => sourceLines[file]?.[line - 1]?.trim() ?? '';
const sameMutant = (entry, file, mutant) =>
  entry.file === file &&
  entry.code === codeAt(file, mutant.location.start.line) &&
  entry.column === mutant.location.start.column &&
  entry.endColumn === mutant.location.end.column &&
  entry.mutator === mutant.mutatorName &&
  entry.replacement === mutant.replacement;

const counts = { total: 0, killedByDefault: 0, killedByStrictOnly: 0, timedOut: 0, survived: 0, equivalent: 0, gaps: 0, ignored: 0, errors: 0 };
const equivalentByKind = Object.fromEntries(
  Object.keys(KINDS)
    .filter((k) => k !== 'gap')
    .map((k) => [k, 0]),
);
const unlisted = [];
const matched = new Set();
const stale = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    if (mutant.status === 'Ignored') {
      counts.ignored += 1;
      continue;
    }
    if (mutant.status === 'CompileError' || mutant.status === 'RuntimeError') {
      // Not a mutant a test run judged: Stryker leaves these out of its score too.
      counts.errors += 1;
      continue;
    }
    counts.total += 1;
    const listed = equivalents.find((entry) => sameMutant(entry, file, mutant));
    if (listed) matched.add(listed);
    if (mutant.status === 'Killed') {
      const modes = new Set((mutant.killedBy ?? []).map(modeOf));
      if (modes.has('default') || modes.has('other')) counts.killedByDefault += 1;
      else counts.killedByStrictOnly += 1;
      if (listed) stale.push(listed);
    } else if (mutant.status === 'Timeout') {
      counts.timedOut += 1;
      if (listed) stale.push(listed);
    } else if (listed && listed.kind === 'gap') {
      counts.survived += 1;
      counts.gaps += 1;
    } else if (listed) {
      counts.equivalent += 1;
      equivalentByKind[listed.kind] += 1;
    } else {
      counts.survived += 1;
      const line = mutant.location.start.line;
      unlisted.push({
        file,
        line,
        column: mutant.location.start.column,
        endColumn: mutant.location.end.column,
        code: codeAt(file, line),
        mutator: mutant.mutatorName,
        replacement: mutant.replacement,
        status: mutant.status,
      });
    }
  }
}

const killed = counts.killedByDefault + counts.killedByStrictOnly + counts.timedOut;
const denominator = counts.total - counts.equivalent;
const score = denominator === 0 ? 100 : (100 * killed) / denominator;
console.log(`mutation ${direction}: ${counts.total} mutants`);
console.log(`  killed      ${killed} (default mode ${counts.killedByDefault}, strict mode only ${counts.killedByStrictOnly}, timed out ${counts.timedOut})`);
console.log(`  survived    ${counts.survived}${counts.gaps > 0 ? ` (${counts.gaps} listed as known gaps)` : ''}`);
console.log(
  `  equivalent  ${counts.equivalent} (tools/mutation/equivalent.json: ${Object.entries(equivalentByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')})`,
);
if (counts.ignored + counts.errors > 0) console.log(`  not counted ${counts.ignored} ignored, ${counts.errors} compile or runtime errors`);
console.log(`  score       ${score.toFixed(2)}% = ${killed} / (${counts.total} - ${counts.equivalent})`);

let failed = false;
if (unlisted.length > 0) {
  failed = true;
  console.log(`\n${unlisted.length} survivor(s) neither killed nor listed as equivalent (add a case, or list it with a reason):`);
  for (const s of unlisted) {
    if (skeleton)
      console.log(
        `    ${JSON.stringify({ file: s.file, line: s.line, column: s.column, endColumn: s.endColumn, code: s.code, mutator: s.mutator, replacement: s.replacement, kind: '', reason: '' })},`,
      );
    else console.log(`  ${s.file}:${s.line} ${s.mutator} -> ${JSON.stringify(s.replacement)} (${s.status})`);
  }
}
const directionFiles = new Set(Object.keys(report.files));
const unmatched = equivalents.filter((entry) => directionFiles.has(entry.file) && !matched.has(entry));
if (unmatched.length > 0) {
  failed = true;
  console.log(`\n${unmatched.length} entr(ies) of tools/mutation/equivalent.json match no mutant any more (the line moved or the code changed):`);
  for (const s of unmatched) console.log(`  ${s.file}:${s.line} ${s.mutator} -> ${JSON.stringify(s.replacement)}`);
}
if (stale.length > 0) {
  failed = true;
  console.log(`\n${stale.length} entr(ies) of tools/mutation/equivalent.json are killed now (remove them):`);
  for (const s of stale) console.log(`  ${s.file}:${s.line} ${s.mutator} -> ${JSON.stringify(s.replacement)}`);
}
process.exit(failed ? 1 : 0);
