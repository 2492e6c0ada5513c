import { resolve } from 'node:path';
import type { Verdict } from '../judging/check.ts';
import type { Result } from '../run/result.ts';

/**
 * A case of the suite that failed inside a vitest test. vitest shows the message as the
 * headline, and `expected`/`actual` (of the first failed rule) as its diff.
 * @public
 */
export class ConformanceAssertionError extends Error {
  override name = 'AssertionError';
  /** The case as the suite reported it (verdicts redacted). */
  readonly result: Result;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  readonly showDiff: boolean;

  constructor(result: Result) {
    const failures = result.classified.kind === 'fail' ? result.classified.failures : [];
    super(failureMessage(result));
    this.result = result;
    this.expected = failures[0]?.expected;
    this.actual = failures[0]?.actual;
    this.showDiff = this.expected !== undefined && this.actual !== undefined;
    // vitest points at the top frame of an error's stack: for a crash, the user's own line, not the suite's.
    if (result.crashStack) this.stack = `${this.name}: ${this.message}\n${userFramesForVitest(result.crashStack)}`;
  }
}

/** The frames of a trimmed crash stack with their paths absolute again (vitest opens the file at its top frame). */
function userFramesForVitest(crashStack: string): string {
  return crashStack
    .split('\n')
    .filter((line) => /^\s*at\s/.test(line))
    .map((line) =>
      line.replace(
        /(\(|at )((?!\/|[A-Za-z]:[\\/])[^()\s]+:\d+:\d+)(\)?)\s*$/,
        (_, before: string, location: string, after: string) => `${before}${resolve(location)}${after}`,
      ),
    )
    .join('\n');
}

function ruleLines(v: Verdict): string[] {
  return [`${v.check} [${v.level}] ${v.title}`, `  expected: ${v.expected ?? '(not given)'}`, `  actual:   ${v.actual ?? '(not given)'}`];
}

/** The whole failure in one text: each broken rule with expected and actual, then the replay line. */
export function failureMessage(result: Result): string {
  const lines: string[] = [];
  if (result.classified.kind === 'fail') {
    const failures = result.classified.failures;
    lines.push(`${result.id}: ${failures.map((v) => v.check).join(', ')} failed`);
    for (const v of failures) lines.push(...ruleLines(v));
    if (result.counterexample) lines.push(`counterexample (shrunk, redacted): ${JSON.stringify(result.counterexample)}`);
    if (result.crashStack) lines.push('stack (your frames, redacted):', ...result.crashStack.split('\n').map((line) => `  ${line}`));
  } else if (result.classified.kind === 'unexpected-pass') {
    lines.push(`${result.id}: passed, but the expectations say it fails; remove the entry if the client was fixed`);
    for (const e of result.classified.expectations) lines.push(`  expected failure${e.check ? ` of ${e.check}` : ''}: ${e.reason} (${e.source})`);
  }
  lines.push(`replay: ${result.replay}`);
  return lines.join('\n');
}
