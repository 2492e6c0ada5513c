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
    expect(unknown.stderr).toMatch(/--explain C99: not a rule of the suite/);
  });
});
