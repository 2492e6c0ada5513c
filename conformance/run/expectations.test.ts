import { describe, expect, it } from 'vitest';
import type { Verdict } from '../judging/check.ts';
import { classify, type Expectation } from './expectations.ts';
import { summarize } from './summary.ts';

const verdict = (check: string, status: 'pass' | 'fail', level: 'must' | 'should' = 'must'): Verdict => ({ check, title: check, level, status });
const mustOnly = (v: Verdict) => v.level === 'must';
const expectation = (check?: string): Expectation => ({ case: 'c', ...(check ? { check } : {}), reason: 'r', source: 's' });

describe('classify', () => {
  it('passes a case whose counted verdicts all pass, warnings aside', () => {
    expect(classify('c', [verdict('C8', 'pass'), verdict('C24', 'fail', 'should')], [], mustOnly)).toEqual({ kind: 'pass' });
  });

  it('fails on a counted failure nobody listed', () => {
    expect(classify('c', [verdict('C8', 'fail')], [], mustOnly)).toMatchObject({ kind: 'fail', failures: [{ check: 'C8' }] });
  });

  it('keeps a listed failure from failing the run, by rule or for any rule of the case', () => {
    expect(classify('c', [verdict('C8', 'fail')], [expectation('C8')], mustOnly)).toMatchObject({ kind: 'expected-fail' });
    expect(classify('c', [verdict('C8', 'fail')], [expectation()], mustOnly)).toMatchObject({ kind: 'expected-fail' });
    expect(classify('c', [verdict('C8', 'fail')], [expectation('C9')], mustOnly)).toMatchObject({ kind: 'fail' });
  });

  it('turns a listed failure that no longer happens into an unexpected pass', () => {
    expect(classify('c', [verdict('C8', 'pass')], [expectation('C8')], mustOnly)).toMatchObject({ kind: 'unexpected-pass', expectations: [{ check: 'C8' }] });
  });
});

describe('summarize', () => {
  it('counts each classification once and adds the warnings', () => {
    const result = (kind: 'pass' | 'fail' | 'not-applicable', warnings = 0) => ({
      id: kind,
      kind: 'fixture' as const,
      level: 'must' as const,
      origin: 'o',
      verdicts: [],
      replay: 'r',
      warnings: Array.from({ length: warnings }, () => verdict('C24', 'fail', 'should')),
      classified: kind === 'fail' ? { kind, failures: [] } : kind === 'not-applicable' ? { kind, reason: 'n/a' } : { kind },
    });
    const summary = summarize([result('pass', 2), result('fail'), result('not-applicable')], {
      implementation: 'x',
      strict: false,
      seed: 7,
      startedAt: performance.now(),
    });
    expect(summary).toMatchObject({
      implementation: 'x',
      total: 3,
      passed: 1,
      failed: 1,
      notApplicable: 1,
      expectedFailures: 0,
      unexpectedPasses: 0,
      warnings: 2,
      seed: 7,
      strict: false,
    });
  });
});
