import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/flags.ts';
import { isServerRun, parseServerCliOptions } from './server-options.ts';

describe('parseServerCliOptions', () => {
  it('reads --server with a URL, with a name, with =, and bare', () => {
    expect(parseServerCliOptions(['--server', 'http://127.0.0.1:9229']).server).toBe('http://127.0.0.1:9229');
    expect(parseServerCliOptions(['--server=cognito-local']).server).toBe('cognito-local');
    expect(parseServerCliOptions(['--server', '--strict'])).toMatchObject({ strict: true });
    expect(parseServerCliOptions(['--server']).server).toBeUndefined();
    expect(isServerRun(['--adapter', 'x'])).toBe(false);
    expect(isServerRun(['--seed', '1', '--server'])).toBe(true);
  });

  it('reads the safety bounds and the unverified outcomes', () => {
    const options = parseServerCliOptions([
      '--server',
      'http://127.0.0.1:1',
      '--allow-remote',
      '--max-requests',
      '50',
      '--rate',
      '2.5',
      '--request-timeout',
      '900',
      '--unverified',
      'already-revoked=UnauthorizedException',
      '--unverified',
      'unknown-token=any',
    ]);
    expect(options).toMatchObject({
      allowRemote: true,
      maxRequests: 50,
      rate: 2.5,
      requestTimeoutMs: 900,
      unverified: { alreadyRevokedToken: { error: 'UnauthorizedException' }, unknownToken: 'any' },
    });
  });

  it('names the flag when a value is wrong', () => {
    const wrong =
      (...argv: string[]) =>
      () =>
        parseServerCliOptions(['--server', ...argv]);
    expect(wrong('--max-requests', 'lots')).toThrow(/--max-requests must be a whole number/);
    expect(wrong('--rate', '0')).toThrow('--rate must be a number from 0.1 to 10,000, got "0"');
    expect(wrong('--rate', '0.0001')).toThrow(/--rate must be a number from 0\.1/);
    expect(wrong('--request-timeout', '2147483648')).toThrow(/--request-timeout must be a whole number from 1 to 600,000/);
    expect(wrong('--adapter', 'aws-sdk-v2')).toThrow('--adapter is a flag of the client suite: leave out --server to use it');
    expect(wrong('--unverified', 'second=succeed')).toThrow(/--unverified second=succeed: expected <case>=<outcome>/);
    expect(wrong('--unverified', 'unknown-token=NotAuthorizedException')).toThrow(UsageError);
    expect(wrong('--replay', '1:2')).toThrow(/--replay needs the --seed/);
    expect(wrong('--replay-commands', 'AB:C')).toThrow(/goes with --replay/);
    expect(wrong('--adapter', 'x')).toThrow(UsageError);
    expect(() => parseServerCliOptions(['--server', 'a', '--server', 'b'])).toThrow(/given twice/);
  });
});
