import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import type { Verdict } from '../judging/check.ts';
import { packageRoot } from '../package-root.ts';
import type { Reporter } from '../run/reporter.ts';
import type { Result, Summary } from '../run/result.ts';
import { resultHeadline } from './causes.ts';
import { reportFile } from './report-file.ts';

/** The CTRF specification version this report follows (ctrf-io/ctrf, schema/ctrf.schema.json). */
export const CTRF_SPEC_VERSION = '1.0.0';

type CtrfStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'other';

/** One test of a CTRF report: the fields this suite fills in. */
export interface CtrfTest {
  name: string;
  status: CtrfStatus;
  duration: number;
  rawStatus: string;
  suite: string[];
  type: string;
  filePath: string;
  tags: string[];
  message?: string;
  trace?: string;
  extra: { level: string; replay: string; rules?: string[]; runs?: number; counterexample?: Record<string, unknown> };
}

/** Our classifications in CTRF's five statuses; the original is kept as rawStatus. */
const STATUS: Record<Result['classified']['kind'], CtrfStatus> = {
  pass: 'passed',
  fail: 'failed',
  'unexpected-pass': 'failed',
  'not-applicable': 'skipped',
  // A known failure neither passes nor fails the run.
  'expected-fail': 'other',
};

const describeVerdict = (v: Verdict) => `${v.check} [${v.level}] ${v.title}\nexpected: ${v.expected ?? ''}\nactual:   ${v.actual ?? ''}`;

function ctrfTest(result: Result, implementation: string, cwd: string | undefined): CtrfTest {
  const c = result.classified;
  const failures = c.kind === 'fail' ? c.failures : [];
  const trace =
    c.kind === 'fail'
      ? [
          ...failures.map(describeVerdict),
          ...(result.crashStack ? [`stack (your frames, redacted):\n${result.crashStack}`] : []),
          ...(result.counterexample ? [`counterexample (shrunk): ${JSON.stringify(result.counterexample)}`] : []),
          ...(result.calls ? ['sequence (shrunk):', ...result.calls] : []),
          `replay: ${result.replay}`,
        ].join('\n\n')
      : c.kind === 'unexpected-pass'
        ? [...c.expectations.map((e) => `${e.check ?? '*'}: ${e.reason}`), `replay: ${result.replay}`].join('\n')
        : undefined;
  const message =
    c.kind === 'fail' || c.kind === 'unexpected-pass'
      ? resultHeadline(result)
      : c.kind === 'not-applicable'
        ? c.reason
        : c.kind === 'expected-fail'
          ? `expected failure: ${c.expectations.map((e) => `${e.check ?? '*'}: ${e.reason}`).join('; ')}`
          : undefined;
  return {
    name: result.id,
    status: STATUS[c.kind],
    duration: result.durationMs ?? 0,
    rawStatus: c.kind,
    suite: [`RevokeToken conformance: ${implementation}`, result.kind],
    type: result.kind,
    filePath: reportFile(result.origin, cwd),
    tags: [result.level, ...new Set(result.verdicts.filter((v) => v.status === 'fail').map((v) => v.check))],
    ...(message !== undefined ? { message } : {}),
    ...(trace !== undefined ? { trace } : {}),
    extra: {
      level: result.level,
      replay: result.replay,
      ...(failures.length > 0 ? { rules: [...new Set(failures.map((v) => v.check))] } : {}),
      ...(result.runs !== undefined ? { runs: result.runs } : {}),
      ...(result.counterexample ? { counterexample: result.counterexample } : {}),
    },
  };
}

/** The CTRF document of a run; `stop` is when it ended (ms since the epoch). */
export function ctrfReport(summary: Summary, results: readonly Result[], options: { stop?: number; cwd?: string; toolVersion?: string } = {}) {
  const stop = options.stop ?? Date.now();
  const tests = results.map((r) => ctrfTest(r, summary.implementation, options.cwd));
  const count = (status: CtrfStatus) => tests.filter((t) => t.status === status).length;
  return {
    reportFormat: 'CTRF' as const,
    specVersion: CTRF_SPEC_VERSION,
    timestamp: new Date(stop).toISOString(),
    generatedBy: 'revoketoken-conformance',
    results: {
      tool: { name: 'revoketoken-conformance', ...(options.toolVersion ? { version: options.toolVersion } : {}) },
      summary: {
        tests: tests.length,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
        pending: count('pending'),
        other: count('other'),
        suites: new Set(results.map((r) => r.kind)).size,
        start: stop - summary.durationMs,
        stop,
        duration: summary.durationMs,
        extra: { implementation: summary.implementation, seed: summary.seed, strict: summary.strict, warnings: summary.warnings },
      },
      tests,
    },
  };
}

/** Writes a CTRF JSON report (Common Test Report Format, ctrf.io). */
export function ctrfReporter(path: string): Reporter {
  return {
    onResult() {},
    onEnd(summary, results) {
      const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
      writeFileAtomically(path, `${JSON.stringify(ctrfReport(summary, results, version ? { toolVersion: version } : {}), null, 2)}\n`);
    },
  };
}
