import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Result, Summary } from '../../run/result.ts';
import type { ServerResult } from '../run/server-result.ts';
import { informationalReporter } from './informational.ts';

function sink() {
  let text = '';
  const out = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { out, text: () => text };
}

const summary = {
  implementation: 's',
  total: 1,
  passed: 1,
  failed: 0,
  expectedFailures: 0,
  unexpectedPasses: 0,
  notApplicable: 0,
  warnings: 0,
  strict: false,
  seed: 1,
  durationMs: 1,
} as Summary;
const note = (status: 'pass' | 'fail') => ({
  check: 'U1',
  title: 'second revoke',
  level: 'should' as const,
  status,
  expected: 'success',
  actual: status === 'pass' ? '200 (accepted)' : '400 NotAuthorizedException',
  informational: true as const,
});
const result = (id: string, status: 'pass' | 'fail'): ServerResult => ({
  id,
  kind: 'fixture',
  level: 'must',
  origin: 'o',
  classified: { kind: 'pass' },
  verdicts: [],
  replay: 'r',
  warnings: [],
  informational: [note(status)],
});

describe('informationalReporter', () => {
  it('lists the unverified behaviours that differ from the configured outcome, once each, with the cases', async () => {
    const { out, text } = sink();
    await informationalReporter({ out }).onEnd(summary, [result('a', 'fail'), result('b', 'fail'), result('c', 'pass')]);
    expect(text()).toContain('Unverified behaviour (informational, never a failure):');
    expect(text()).toContain('observed:   400 NotAuthorizedException (differs)');
    expect(text()).toContain('in: a, b');
    expect(text()).not.toContain('200 (accepted)');
  });

  it('lists the others too when verbose, and nothing for a client-suite result', async () => {
    const verbose = sink();
    await informationalReporter({ out: verbose.out, verbose: true }).onEnd(summary, [result('c', 'pass')]);
    expect(verbose.text()).toContain('observed:   200 (accepted)\n');
    const quiet = sink();
    const clientResult: Result = {
      id: 'x',
      kind: 'fixture',
      level: 'must',
      origin: 'o',
      classified: { kind: 'pass' },
      verdicts: [],
      replay: 'r',
      warnings: [],
    };
    await informationalReporter({ out: quiet.out }).onEnd(summary, [clientResult]);
    expect(quiet.text()).toBe('');
  });

  it('says when the request budget ran out', async () => {
    const { out, text } = sink();
    await informationalReporter({ out }).onEnd({ ...summary, requests: 40, budgetExhausted: true } as Summary, []);
    expect(text()).toContain('The request budget ran out after 40 requests');
  });
});
