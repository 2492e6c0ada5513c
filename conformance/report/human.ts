import type { Verdict } from '../judging/check.ts';
import type { Reporter } from '../run/reporter.ts';
import { isFailure, type Result, type Summary } from '../run/result.ts';
import { headline, rollupByRule, sameVerdictGroups, simplestFor, wrapIds } from './causes.ts';
import { curlEndpointNote, failureCurlLine } from './curl-line.ts';

export interface HumanReporterOptions {
  /** Where the report goes (stdout). */
  out: NodeJS.WritableStream;
  /** Where the progress line goes (stderr), only when it is a terminal. */
  progress?: NodeJS.WriteStream;
  verbose?: boolean;
}

const describeVerdict = (v: Verdict) => `    ${v.check} [${v.level}] ${v.title}\n      expected: ${v.expected}\n      actual:   ${v.actual}`;

/**
 * The default report: quiet while running (a one-line progress indicator on a terminal), then
 * the causes first: a roll-up by rule (how many cases each rule failed, one representative case
 * with its shortest counterexample and its replay line), then one block per distinct verdict,
 * listing the other cases that failed the same way by id. `verbose` shows every case in full.
 */
export function humanReporter(options: HumanReporterOptions): Reporter {
  const write = (text: string) => options.out.write(`${text}\n`);
  const tty = options.progress?.isTTY ? options.progress : undefined;
  const verbose = options.verbose ?? false;
  let done = 0;
  let total = 0;
  let failures = 0;
  return {
    onStart({ implementation, total: count }) {
      total = count;
      write(`RevokeToken conformance: ${implementation}`);
    },
    onResult(result) {
      done += 1;
      if (isFailure(result)) failures += 1;
      tty?.write(`\r  ${done}/${total} ${failures > 0 ? `(${failures} failing) ` : ''}${result.id.slice(0, 50).padEnd(50)}`);
    },
    onEnd(summary, results) {
      if (tty) tty.write(`\r${' '.repeat(70)}\r`);
      printRollup(results, write);
      if (verbose) for (const result of results) printResult(result, write, true);
      else printCollapsed(results, write);
      // What an out-of-process client said on stderr, and its restarts: the first place to
      // look when its cases fail.
      if (summary.diagnostics && (failures > 0 || verbose)) {
        const { stderr, events } = summary.diagnostics;
        if (events.length > 0) write(`\nclient process events:\n${events.map((e) => `  ${e}`).join('\n')}`);
        if (stderr.length > 0) write(`\nclient process stderr (last ${stderr.length} lines, redacted):\n${stderr.map((l) => `  ${l}`).join('\n')}`);
      }
      printSummary(summary, results, write);
    },
  };
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => `${by}${line.trimStart() === line ? line : `  ${line.trimStart()}`}`)
    .join('\n');

/** The first frame of a trimmed crash stack: the user's line nearest the crash. */
function firstFrame(stack: string | undefined): string | undefined {
  return stack
    ?.split('\n')
    .find((line) => /^\s*at\s/.test(line))
    ?.trim();
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The causes, one line each with a representative case: what a reader needs first. */
function printRollup(results: readonly Result[], write: (text: string) => void): void {
  const rules = rollupByRule(results);
  const stale = results.filter((r) => r.classified.kind === 'unexpected-pass');
  if (rules.length === 0 && stale.length === 0) return;
  const failedCases = results.filter((r) => r.classified.kind === 'fail').length;
  write(`\nFailures by rule (${plural(rules.length, 'rule')}, ${plural(failedCases, 'failed case')}):`);
  for (const { rule, level, title, cases, example, verdict } of rules) {
    write(`  ${rule} [${level}] ${title}: ${plural(cases.length, 'case')} failed`);
    write(`    e.g. ${example.kind} ${example.id}: ${headline(verdict)}`);
    if (example.counterexample) write(`    counterexample (shrunk): ${JSON.stringify(example.counterexample)}`);
    const where = firstFrame(example.crashStack);
    if (where !== undefined && verdict.check === 'A5') write(`    where: ${where}`);
    if (example.calls) for (const line of example.calls) write(`      ${line}`);
    write(`    replay: ${example.replay}`);
  }
  if (stale.length > 0) {
    write(`  stale expectations: ${plural(stale.length, 'case')} passed that the expectations file says fail:`);
    for (const line of wrapIds(stale.map((r) => r.id))) write(`    ${line}`);
  }
}

/** One block per distinct verdict, shown through its representative case; the others by id. */
function printCollapsed(results: readonly Result[], write: (text: string) => void): void {
  const groups = sameVerdictGroups(results);
  const collapsed = groups.some((g) => g.cases.length > 1);
  if (collapsed) {
    const failed = groups.reduce((n, g) => n + g.cases.length, 0);
    write(`\nDetails (${plural(groups.length, 'distinct verdict')} over ${plural(failed, 'failed case')}; --verbose shows every case):`);
  }
  for (const group of groups) {
    const shown = simplestFor(
      group.verdicts.map((v) => v.check),
      group.cases,
    );
    printResult(shown, write, false);
    const others = group.cases.filter((r) => r !== shown);
    if (others.length === 0) continue;
    write(`  and ${plural(others.length, 'more case')} with the same verdict (replay each with --filter <id>):`);
    for (const line of wrapIds(others.map((r) => r.id))) write(`    ${line}`);
  }
  for (const result of results) if (result.classified.kind === 'unexpected-pass') printResult(result, write, false);
}

function printResult(result: Result, write: (text: string) => void, verbose: boolean): void {
  const c = result.classified;
  const label = `${result.kind} ${result.id} [${result.level}]`;
  if (c.kind === 'fail') {
    write(`\nFAIL ${label}`);
    if (result.documentation) write(`  ${result.documentation.split('\n')[0]}`);
    for (const v of c.failures) write(describeVerdict(v));
    if (result.crashStack) write(`    stack (your frames, redacted):\n${indent(result.crashStack, '      ')}`);
    if (result.counterexample) write(`    counterexample (${result.stopped ?? 'shrunk'}): ${JSON.stringify(result.counterexample)}`);
    if (result.calls) {
      write(`    sequence (${result.stopped ?? 'shrunk'}):`);
      for (const line of result.calls) write(`      ${line}`);
    }
    const curl = failureCurlLine(result.exchanges);
    if (curl !== undefined) write(`    curl (${curlEndpointNote(result.kind, result.id)}):\n      ${curl}`);
    write(`  replay: ${result.replay}`);
  } else if (c.kind === 'unexpected-pass') {
    write(`\nUNEXPECTED PASS ${label}`);
    for (const e of c.expectations) write(`    expected ${e.check ?? 'a failure'} to fail: ${e.reason}`);
    write('  the client changed, or the expectation is stale: remove it from the expectations file');
    write(`  replay: ${result.replay}`);
  } else if (verbose && c.kind === 'expected-fail') {
    write(`\nexpected failure ${label}`);
    for (const e of c.expectations) write(`    ${e.check ?? '*'}: ${e.reason} (${e.source})`);
  } else if (verbose && c.kind === 'not-applicable') {
    write(`\nnot applicable ${label}: ${c.reason}`);
  }
  if (verbose) for (const v of result.warnings) write(`  warning (should) ${result.id}:\n${describeVerdict(v)}`);
}

function printSummary(summary: Summary, results: readonly Result[], write: (text: string) => void): void {
  const warned = results.filter((r) => r.warnings.length > 0 && r.classified.kind !== 'expected-fail').map((r) => r.id);
  write('');
  if (warned.length > 0) {
    write(
      `should-level divergences (not failing without --strict): ${warned.length} case(s): ${warned.slice(0, 8).join(', ')}${warned.length > 8 ? ', ...' : ''}`,
    );
  }
  write(verdictLine(summary));
  printTime(summary, results, write);
}

/** The run's verdict in one line: the counts, the seed, the time and the mode. Printed last, and alone under --quiet. */
export function verdictLine(summary: Summary): string {
  const parts = [
    `${summary.passed} passed`,
    `${summary.failed} failed`,
    ...(summary.unexpectedPasses ? [`${summary.unexpectedPasses} unexpectedly passed`] : []),
    ...(summary.expectedFailures ? [`${summary.expectedFailures} expected failures`] : []),
    ...(summary.notApplicable ? [`${summary.notApplicable} not applicable`] : []),
  ];
  return `${parts.join(', ')} (${summary.total} cases, seed ${summary.seed}, ${(summary.durationMs / 1000).toFixed(1)} s${summary.strict ? ', strict' : ''})`;
}

/** Where the time went, and which properties a budget cut short (their runs are fewer than asked). */
function printTime(summary: Summary, results: readonly Result[], write: (text: string) => void): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const cut = results.filter((r) => r.stopped !== undefined && r.classified.kind !== 'fail');
  for (const r of cut) write(`  ${r.id}: ${r.runs ?? 0} runs (${r.stopped})`);
  if (!summary.timing) return;
  const { clientMs, harnessMs, backoffMs } = summary.timing;
  write(
    `time: client ${seconds(clientMs)}, harness ${seconds(harnessMs)}${backoffMs > 0 ? `, back-off ${seconds(backoffMs)} of virtual time (not waited)` : ''}`,
  );
}
