import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  COMMON_FLAGS,
  commonOptions,
  describeFlags,
  EXIT,
  type FlagTable,
  parseFlags,
  rangedNumber,
  reporterSpec,
  runCommand,
  UsageError,
  wholeNumber,
} from './flags.ts';

class SomeConfigurationError extends Error {}

function io() {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk) => (text += chunk));
  return { io: { stdout: new PassThrough(), stderr }, text: () => text };
}

describe('the flag table', () => {
  it('parses the common flags and refuses an unknown one, naming it', () => {
    expect(parseFlags(['--strict', '--filter', 'C14', '--filter', 'C15'], COMMON_FLAGS)).toMatchObject({ strict: true, filter: ['C14', 'C15'] });
    expect(() => parseFlags(['--strikt'], COMMON_FLAGS)).toThrow(UsageError);
    expect(() => parseFlags(['--strikt'], COMMON_FLAGS)).toThrow(/--strikt/);
  });

  it('bounds whole numbers, timers included', () => {
    expect(wholeNumber('runs', '5', 1)).toBe(5);
    expect(wholeNumber('runs', undefined, 1)).toBeUndefined();
    expect(() => wholeNumber('runs', '0', 1)).toThrow('--runs must be a whole number of at least 1, got "0"');
    expect(() => wholeNumber('case-timeout', '2147483648', 1)).toThrow(/--case-timeout/);
    expect(() => wholeNumber('port', '70000', 0, 65_535)).toThrow('--port must be a whole number of at least 0 and at most 65535, got "70000"');
  });

  it('reads a numeric flag against the range in its table entry, and shows the range in --help', () => {
    const table = {
      'case-timeout': { type: 'string', help: 'h', range: { min: 1, max: 600_000 } },
      rate: { type: 'string', help: 'r', range: { min: 0.1, max: 10_000, fractional: true } },
    } as const satisfies FlagTable;
    expect(rangedNumber('case-timeout', table, '600000')).toBe(600_000);
    expect(rangedNumber('case-timeout', table, undefined)).toBeUndefined();
    expect(() => rangedNumber('case-timeout', table, '2147483648')).toThrow('--case-timeout must be a whole number from 1 to 600,000, got "2147483648"');
    expect(() => rangedNumber('case-timeout', table, '1e3')).toThrow(UsageError);
    expect(() => rangedNumber('case-timeout', table, '1.5')).toThrow(/whole number/);
    expect(rangedNumber('rate', table, '0.5')).toBe(0.5);
    expect(() => rangedNumber('rate', table, '0.0001')).toThrow('--rate must be a number from 0.1 to 10,000, got "0.0001"');
    expect(() => rangedNumber('rate', table, 'Infinity')).toThrow(UsageError);
    expect(describeFlags(table)).toContain('(1 to 600,000)');
    expect(() => commonOptions(parseFlags(['--runs', '1000000000'], COMMON_FLAGS), 'property')).toThrow(
      '--runs must be a whole number from 1 to 10,000, got "1000000000"',
    );
  });

  it('gives every numeric flag of every command a range', async () => {
    const { CLIENT_FLAGS } = await import('./options.ts');
    const { SERVER_FLAGS } = await import('../server/cli/server-options.ts');
    const numeric = Object.entries({ ...COMMON_FLAGS, ...CLIENT_FLAGS, ...SERVER_FLAGS }).filter(([, flag]) => 'arg' in flag && /<(n|ms)>/.test(flag.arg));
    expect(numeric.length).toBeGreaterThanOrEqual(8);
    for (const [name, flag] of numeric) expect({ name, range: 'range' in flag ? flag.range : undefined }).toMatchObject({ range: { min: expect.any(Number) } });
  });

  it('reads reporters and refuses a spec it does not know', () => {
    expect(reporterSpec('junit=out/x.xml')).toEqual({ kind: 'junit', path: 'out/x.xml' });
    expect(reporterSpec('ctrf=out/x.json')).toEqual({ kind: 'ctrf', path: 'out/x.json' });
    expect(reporterSpec('github')).toEqual({ kind: 'github' });
    expect(() => reporterSpec('xml')).toThrow('--reporter xml: expected human, github, json=<file>, junit=<file>, ctrf=<file>');
    expect(() => reporterSpec('xml=out/x.xml')).toThrow('--reporter xml=out/x.xml: expected');
  });

  it('keeps the console report unless --quiet, and refuses --quiet with --reporter human', () => {
    const values = (argv: string[]) => parseFlags(argv, COMMON_FLAGS);
    expect(commonOptions(values(['--reporter', 'junit=out/x.xml']), 'property')).toMatchObject({ quiet: false, reporters: [{ kind: 'junit' }] });
    expect(commonOptions(values(['--quiet', '--reporter', 'ctrf=out/x.json']), 'property')).toMatchObject({ quiet: true });
    expect(() => commonOptions(values(['--quiet', '--reporter', 'human']), 'property')).toThrow(/--quiet silences the console report/);
  });

  it('checks the flags that go together', () => {
    const values = (argv: string[]) => parseFlags(argv, COMMON_FLAGS);
    expect(() => commonOptions(values(['--rules']), 'property')).toThrow('--rules goes with --list');
    expect(() => commonOptions(values(['--replay', '1:2']), 'property')).toThrow(/--seed/);
    expect(() => commonOptions(values(['--region', 'mars']), 'property')).toThrow(/--region mars/);
    expect(commonOptions(values(['--list', '--rules', '--no-redact']), 'property')).toMatchObject({
      list: true,
      listRules: true,
      redact: false,
      region: 'us-east-1',
    });
  });

  it('describes every flag it declares', () => {
    const text = describeFlags(COMMON_FLAGS);
    for (const name of Object.keys(COMMON_FLAGS)) expect(text).toContain(`--${name}`);
  });
});

describe('runCommand', () => {
  it("returns the command's exit code", async () => {
    expect(await runCommand(async () => EXIT.failed, io().io, { configurationErrors: [], helpHint: 'hint' })).toBe(1);
  });

  it('turns a usage or configuration error into its message and exit 2, a bug into its stack', async () => {
    const usage = io();
    expect(
      await runCommand(
        async () => {
          throw new UsageError('--x is wrong');
        },
        usage.io,
        { configurationErrors: [], helpHint: 'see --help' },
      ),
    ).toBe(EXIT.usage);
    expect(usage.text()).toBe('conformance: --x is wrong\nsee --help\n');
    const configuration = io();
    expect(
      await runCommand(
        async () => {
          throw new SomeConfigurationError('no such file');
        },
        configuration.io,
        { configurationErrors: [SomeConfigurationError], helpHint: 'h' },
      ),
    ).toBe(EXIT.usage);
    expect(configuration.text()).toBe('conformance: no such file\n');
    const bug = io();
    expect(
      await runCommand(
        async () => {
          throw new TypeError('oops');
        },
        bug.io,
        { configurationErrors: [], helpHint: 'h' },
      ),
    ).toBe(EXIT.usage);
    expect(bug.text()).toMatch(/TypeError: oops\n\s+at /);
  });
});
