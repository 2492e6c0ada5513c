import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.ts';

describe('--explain names where a rule is checked, what exercises it and what proves it can fail', () => {
  it('C14, a client rule judged by the error-name check', async () => {
    const { code, stdout } = await cli('--explain', 'C14');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^C14 {2}finds the error code in X-Amzn-Errortype, then body code, then body __type/);
    expect(stdout).toMatch(/checked in conformance\/checks\/error-name\.ts \(errorName\)/);
    expect(stdout).toMatch(/fixtures \(\d+\): RevokeTokenErrorCodeField/);
    expect(stdout).toMatch(/properties: modeled-errors-wire-variants/);
    expect(stdout).toMatch(/self-test {2}conformance\/self-test\/mutants\.ts: reads-dunder-type-only-code-field/);
  });

  it('S7, a server rule judged as a preferred refusal', async () => {
    const { code, stdout } = await cli('--server', '--explain', 'S7');
    expect(code).toBe(0);
    expect(stdout).toMatch(/checked in conformance\/server\/checks\/outcome\.ts \(preferredRefusal\)/);
    expect(stdout).toMatch(/server cases \(\d+\): .*constraint-Token-required/);
    expect(stdout).toMatch(/self-test {2}conformance\/self-test\/broken-servers\.ts: constraints-as-validation-exception/);
  });

  it('lists the rules of a direction, and refuses a rule nobody declared', async () => {
    expect((await cli('--list', '--rules')).stdout).toMatch(/^C1 {3}\[must\] request-line: sends RevokeToken as an HTTP POST$/m);
    expect((await cli('--server', '--list', '--rules')).stdout).toMatch(/^S7 {3}\[should\] constraints: /m);
    const unknown = await cli('--explain', 'C99');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--explain C99: not a rule, tag, fixture, property or server case of the suite; did you mean C19, C9\?/);
  });

  it('takes a rule id in any case, and a tag that --list shows but no rule bears (C25)', async () => {
    const lower = await cli('--explain', 'c14');
    expect(lower.code).toBe(0);
    expect(lower.stdout).toMatch(/^C14 {2}finds the error code/);
    const tag = await cli('--explain', 'C25');
    expect(tag.code).toBe(0);
    expect(tag.stdout).toMatch(/^C25 {2}tag \(checklist\): Classifies throttling/);
    // The tag is judged through the retry rule: measured, not taken from a comment.
    expect(tag.stdout).toMatch(/^ {13}A3 {3}retries only throttling/m);
  });

  it('answers which rules a fixture judges, declared and measured, and suggests close ids for a typo', async () => {
    const { code, stdout } = await cli('--explain', 'revoketokensuccessemptyobject');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^RevokeTokenSuccessEmptyObject {2}fixture \[must\]/);
    expect(stdout).toMatch(/declared {3}C12 /);
    expect(stdout).toMatch(/measured {3}the rules the suite's checks judge on it/);
    expect(stdout).toMatch(/^ {13}C4 {3}sends X-Amz-Target/m);
    const typo = await cli('--explain', 'RevokeTokenSucessEmptyObject');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean RevokeTokenSuccessEmptyObject/);
  });
});
