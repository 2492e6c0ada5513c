import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMON_FLAGS, commonOptions, describeFlags, EXIT, parseFlags, reporterSpec, runCommand, UsageError, wholeNumber } from './flags.ts';

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
