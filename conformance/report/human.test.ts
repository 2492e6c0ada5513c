import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { humanReporter } from './human.ts';
import { failingProperty, mixedRun } from './test-support.ts';

async function report(verbose: boolean, run = mixedRun(40)) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  const reporter = humanReporter({ out, verbose });
  reporter.onStart?.({ implementation: run.summary.implementation, total: run.results.length });
  for (const result of run.results) reporter.onResult(result);
  await reporter.onEnd(run.summary, run.results);
  return { text, lines: text.split('\n'), run };
}

describe('the human report', () => {
  it('leads with a roll-up by rule: level, count, one representative case with its counterexample and replay line', async () => {
    const { text } = await report(false);
    const rollup = text.slice(text.indexOf('Failures by rule'), text.indexOf('Details'));
    expect(rollup).toContain('Failures by rule (2 rules, 43 failed cases):');
    expect(rollup).toContain('C4 [must] sends X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken: 42 cases failed');
    expect(rollup).toContain(
      'e.g. fixture RevokeTokenC4Case0: C4: expected X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken, got X-Amz-Target: AWSCognitoIdentityProviderService.revokeToken',
    );
    expect(rollup).toContain('replay: npm run conformance -- --adapter x --filter RevokeTokenC4Case0');
    expect(rollup).toContain('C8 [must] sends a JSON object whose members are exactly the input: 1 case failed');
    expect(rollup).toContain('stale expectations: 1 case passed that the expectations file says fail:');
    // The roll-up comes before any per-case detail.
    expect(text.indexOf('Failures by rule')).toBeLessThan(text.indexOf('FAIL fixture'));
  });

  it('prints a failed sequence as its numbered calls, in the roll-up and in its block', async () => {
    const run = mixedRun(0);
    const calls = [
      '0. the adapter object had served 80 calls of this run before the sequence',
      '1. call 1: revokeToken(input#1) → https://cognito-idp.us-east-1.amazonaws.com/q1/ answers 200 {} (left in flight)',
      '2. call 2: revokeToken(input#1 again) → https://cognito-idp.eu-west-1.amazonaws.com/q2/ answers 400 UnauthorizedException',
      '3. wait for call 1',
    ];
    const sequence = { ...failingProperty('call-sequences', {}), counterexample: undefined, calls };
    const { text } = await report(false, { summary: run.summary, results: [sequence] });
    expect(text).toContain(`    sequence (shrunk):\n${calls.map((line) => `      ${line}`).join('\n')}`);
    expect(text).toContain(`\n      ${calls[1]}\n`);
  });

  it('picks the property with the shortest counterexample when no fixture shows a cause', async () => {
    const run = mixedRun(0);
    const { text } = await report(false, run);
    expect(text).toContain('e.g. property cancellation: C4');
    expect(text).toContain('counterexample (shrunk): {"Token":"[redacted]"}');
  });

  it('collapses cases with the same verdict into one block that still names every case', async () => {
    const { text, lines, run } = await report(false);
    expect(text.match(/^FAIL /gm)).toHaveLength(2);
    expect(text).toContain('and 41 more cases with the same verdict (replay each with --filter <id>):');
    for (const result of run.results.filter((r) => r.classified.kind === 'fail' || r.classified.kind === 'unexpected-pass')) {
      expect(text).toMatch(new RegExp(`\\b${result.id.replace(/-/g, '\\-')}\\b`));
    }
    expect(text).toContain('UNEXPECTED PASS fixture RevokeTokenSuccessEmptyBody [must]');
    expect(lines.length).toBeLessThan(50);
    expect(text).toMatch(/1 passed, 43 failed, 1 unexpectedly passed, 1 expected failures, 1 not applicable \(47 cases, seed 1, 2\.5 s\)/);
  });

  it('shows every case in full with --verbose', async () => {
    const { text } = await report(true);
    expect(text.match(/^FAIL /gm)).toHaveLength(43);
    expect(text).not.toContain('more cases with the same verdict');
    expect(text).toContain('expected failure fixture RevokeTokenErrorDunderTypeOnly');
    expect(text).toContain('not applicable property retries [must]: the client does not retry');
  });

  it('prints no roll-up when nothing failed', async () => {
    const run = mixedRun(0);
    run.results = run.results.filter((r) => r.classified.kind === 'pass');
    const { text } = await report(false, run);
    expect(text).not.toContain('Failures by rule');
    expect(text).not.toContain('Details');
  });
});
