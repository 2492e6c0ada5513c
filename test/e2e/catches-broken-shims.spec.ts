import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.ts';

const shim = (file: string) => fileURLToPath(new URL(`../../conformance/self-test/broken-shims/${file}`, import.meta.url));

// Out-of-process clients through the whole CLI: loopback fake service, line protocol, real
// time. The correct shims pass every must rule (with their expectation files); each broken
// shim's single fault makes the run fail under the rule it breaks.
describe('clients in other languages are held to the same rules', () => {
  it.each([
    ['boto3', 'boto3'],
    ['aws-sdk-go-v2', 'aws-sdk-go-v2'],
    ['aws-sdk-java-v2', 'aws-sdk-java-v2'],
    ['aws-sdk-rust', 'aws-sdk-rust'],
  ])('%s passes every must rule, its should-level divergences listed', async (_label, adapter) => {
    const { code, stdout } = await cli('--adapter', adapter, '--runs', '10', '--seed', '5', '--strict');
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/ 0 failed/);
  });

  it('the boto3 shim that drops ClientSecret fails rule C8', async () => {
    const { code, stdout } = await cli(
      '--adapter',
      shim('boto3-drops-client-secret.ts'),
      '--runs',
      '10',
      '--seed',
      '5',
      '--expectations',
      'conformance/expectations/boto3.json',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/C8 \[must\] sends a JSON object whose members are exactly the input/);
    expect(stdout).toMatch(/expected: member ClientSecret/);
  });

  it('the Go shim that decodes every error as UnknownError fails rule C20', async () => {
    const { code, stdout } = await cli(
      '--adapter',
      shim('aws-sdk-go-v2-unknown-error.ts'),
      '--runs',
      '10',
      '--seed',
      '5',
      '--expectations',
      'conformance/expectations/aws-sdk-go-v2.json',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/C20 \[must\] surfaces/);
    expect(stdout).toMatch(/actual: +UnknownError/);
  });

  it('the Java shim that sends X-Amz-Target in upper case fails rule C4', async () => {
    const { code, stdout } = await cli(
      '--adapter',
      shim('aws-sdk-java-v2-target-uppercased.ts'),
      '--runs',
      '10',
      '--seed',
      '5',
      '--expectations',
      'conformance/expectations/aws-sdk-java-v2.json',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/C4 \[must\] sends X-Amz-Target/);
    expect(stdout).toMatch(/AWSCOGNITOIDENTITYPROVIDERSERVICE\.REVOKETOKEN/);
  });

  it('the Rust shim that decodes every error as UnknownError fails rule C20', async () => {
    const { code, stdout } = await cli('--adapter', shim('aws-sdk-rust-unknown-error.ts'), '--runs', '10', '--seed', '5');
    expect(code).toBe(1);
    expect(stdout).toMatch(/RevokeToken conformance: aws-sdk-rust .*\[FAULT: every service error decoded as UnknownError\]/);
    expect(stdout).toMatch(/C20 \[must\] surfaces/);
    expect(stdout).toMatch(/actual: +UnknownError/);
  });

  it('--command drives any program that speaks the line protocol', async () => {
    const python = (await import('../../conformance/adapters/boto3.ts')).boto3Command();
    const command = python.map((part) => JSON.stringify(part)).join(' ');
    const { code, stdout } = await cli('--command', command, '--filter', 'RevokeTokenUnsupportedTokenTypeExceptionAsObserved');
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/RevokeToken conformance: boto3/);
    expect(stdout).toMatch(/1 passed, 0 failed/);
  });
});
