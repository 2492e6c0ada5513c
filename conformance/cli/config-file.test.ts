import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONFIG_FLAGS,
  ConfigFileError,
  configKeys,
  configToArgv,
  findConfigFile,
  MAX_CONFIG_JSON_BYTES,
  mergeWithFlags,
  withConfigFile,
} from './config-file.ts';
import { COMMON_FLAGS, UsageError } from './flags.ts';
import { CLIENT_FLAGS, parseCliOptions } from './options.ts';

const TABLE = { ...CLIENT_FLAGS, ...COMMON_FLAGS };
const FILE = 'conformance.config.json';

const folders: string[] = [];
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'config-file-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the config keys', () => {
  it('are the flags of the table in camelCase, repeatable ones plural, one-off actions left out', () => {
    const keys = configKeys(TABLE);
    expect(Object.fromEntries(keys)).toMatchObject({ adapter: 'adapter', caseTimeout: 'case-timeout', reporters: 'reporter', filters: 'filter', seed: 'seed' });
    for (const action of ['help', 'list', 'explain', 'replay', 'serve', 'noRedact']) expect(keys.has(action), action).toBe(false);
  });
});

describe('configToArgv', () => {
  it('turns each setting into the flag it stands for', () => {
    const argv = configToArgv(
      FILE,
      { adapter: './a.mjs', strict: true, verbose: false, seed: 42, reporters: ['human', 'junit=out/c.xml'], caseTimeout: 500 },
      TABLE,
    );
    expect(argv).toEqual(['--adapter=./a.mjs', '--strict', '--seed=42', '--reporter=human', '--reporter=junit=out/c.xml', '--case-timeout=500']);
    expect(parseCliOptions(argv)).toMatchObject({
      adapter: './a.mjs',
      strict: true,
      seed: 42,
      caseTimeoutMs: 500,
      reporters: [{ kind: 'human' }, { kind: 'junit', path: 'out/c.xml' }],
    });
  });

  it('refuses an unknown key, naming the file, the key and the keys it knows', () => {
    expect(() => configToArgv(FILE, { strikt: true }, TABLE)).toThrow(ConfigFileError);
    expect(() => configToArgv(FILE, { strikt: true }, TABLE)).toThrow(
      /^conformance\.config\.json: unknown key "strikt" \(known keys: adapter, command, .*strict/,
    );
    expect(() => configToArgv(FILE, { help: true }, TABLE)).toThrow(
      'conformance.config.json: "help" cannot be set in a config file: it asks for a one-off action, not a setting: give it on the command line',
    );
  });

  it('refuses noRedact, saying that redaction is switched off on the command line only', () => {
    expect(() => configToArgv(FILE, { noRedact: true }, CONFIG_FLAGS)).toThrow(ConfigFileError);
    expect(() => configToArgv(FILE, { noRedact: true }, CONFIG_FLAGS)).toThrow(
      /^conformance\.config\.json: "noRedact" cannot be set in a config file: redaction is switched off only on the command line \(--no-redact\): a repository can ship a config file/,
    );
    // Even false: the key has no place in a file, whatever it says.
    expect(() => configToArgv(FILE, { noRedact: false }, CONFIG_FLAGS)).toThrow(/"noRedact" cannot be set/);
  });

  it('accepts a $schema key for editors and ignores it, but only a string', () => {
    expect(configToArgv(FILE, { $schema: './node_modules/revoketoken-conformance/conformance.config.schema.json', strict: true }, CONFIG_FLAGS)).toEqual([
      '--strict',
    ]);
    expect(() => configToArgv(FILE, { $schema: 1 }, CONFIG_FLAGS)).toThrow('conformance.config.json: "$schema" must be a string');
  });

  it('takes the server and its own flags: true for the reference server, or a URL or lane', () => {
    expect(configToArgv(FILE, { server: true, maxRequests: 50, allowRemote: true, unverifieds: ['unknown-token=any'] }, CONFIG_FLAGS)).toEqual([
      '--server',
      '--max-requests=50',
      '--allow-remote',
      '--unverified=unknown-token=any',
    ]);
    expect(configToArgv(FILE, { server: 'cognito-local' }, CONFIG_FLAGS)).toEqual(['--server=cognito-local']);
    expect(() => configToArgv(FILE, { server: false }, CONFIG_FLAGS)).toThrow('"server" must be true (the reference server), a URL or a lane name, got false');
    expect(() => configToArgv(FILE, { server: true, adapter: './a.mjs' }, CONFIG_FLAGS)).toThrow(
      'conformance.config.json: "server" and "adapter" are both set: a run judges a server or a client; keep one',
    );
  });

  it('refuses a value of the wrong type, naming the file and the key', () => {
    expect(() => configToArgv(FILE, { strict: 'yes' }, TABLE)).toThrow('conformance.config.json: "strict" must be true or false, got "yes"');
    expect(() => configToArgv(FILE, { reporters: 'human' }, TABLE)).toThrow('conformance.config.json: "reporters" must be an array, got "human"');
    expect(() => configToArgv(FILE, { seed: { n: 1 } }, TABLE)).toThrow('conformance.config.json: "seed" must be a string or a number, got {"n":1}');
    expect(() => configToArgv(FILE, ['--strict'], TABLE)).toThrow(/must hold an object of settings/);
  });

  it('keeps a value that starts with a dash a value, so the flag check sees it', () => {
    expect(() => parseCliOptions(configToArgv(FILE, { seed: -1 }, TABLE))).toThrow(/--seed must be a whole number/);
  });
});

describe('mergeWithFlags', () => {
  const file = ['--adapter=./a.mjs', '--strict', '--seed=42', '--reporter=human'];

  it('lets every flag on the command line override the same setting of the file', () => {
    expect(mergeWithFlags(file, ['--seed', '7', '--reporter', 'json=r.json'], TABLE)).toEqual([
      '--adapter=./a.mjs',
      '--strict',
      '--seed',
      '7',
      '--reporter',
      'json=r.json',
    ]);
    expect(parseCliOptions(mergeWithFlags(file, ['--seed', '7'], TABLE))).toMatchObject({ seed: 7, strict: true, adapter: './a.mjs' });
  });

  it('treats --adapter and --command as one choice, and --serve as choosing no client', () => {
    expect(mergeWithFlags(file, ['--command', 'python shim.py'], TABLE)).toEqual(['--strict', '--seed=42', '--reporter=human', '--command', 'python shim.py']);
    expect(() => parseCliOptions(mergeWithFlags(file, ['--serve'], TABLE))).not.toThrow();
  });

  it("follows the command line's direction, else the file's, and drops the file's flags of the other direction", () => {
    const both = ['--strict', '--case-timeout=500', '--max-requests=50'];
    // No direction on the command line, no server in the file: a client run.
    expect(mergeWithFlags(both, [], CONFIG_FLAGS)).toEqual(['--strict', '--case-timeout=500']);
    // --server on the command line (bare, then another flag): the server's settings apply, the client's do not.
    expect(mergeWithFlags(['--adapter=./a.mjs', ...both], ['--server', '--seed', '1'], CONFIG_FLAGS)).toEqual([
      '--strict',
      '--max-requests=50',
      '--server',
      '--seed',
      '1',
    ]);
    // The file chooses the server; a command-line --adapter chooses the client back.
    expect(mergeWithFlags(['--server=http://127.0.0.1:9', ...both], [], CONFIG_FLAGS)).toEqual([
      '--server=http://127.0.0.1:9',
      '--strict',
      '--max-requests=50',
    ]);
    expect(mergeWithFlags(['--server=http://127.0.0.1:9', ...both], ['--adapter', 'x'], CONFIG_FLAGS)).toEqual([
      '--strict',
      '--case-timeout=500',
      '--adapter',
      'x',
    ]);
    // A command-line --server replaces the file's.
    expect(mergeWithFlags(['--server=moto'], ['--server=cognito-local'], CONFIG_FLAGS)).toEqual(['--server=cognito-local']);
  });

  it('passes a bad command-line flag on as a usage error', () => {
    expect(() => mergeWithFlags(file, ['--strikt'], TABLE)).toThrow(UsageError);
  });
});

describe('finding and reading the file', () => {
  it('finds none, one, or refuses two', () => {
    expect(findConfigFile(folderWith({}))).toBeUndefined();
    const one = folderWith({ 'conformance.config.mjs': 'export default {}' });
    expect(findConfigFile(one)).toBe(join(one, 'conformance.config.mjs'));
    expect(() => findConfigFile(folderWith({ [FILE]: '{}', 'conformance.config.mjs': 'export default {}' }))).toThrow(
      /conformance\.config\.json and conformance\.config\.mjs are both in .*: keep one/,
    );
  });

  it('applies a JSON file under the command line', async () => {
    const cwd = folderWith({ [FILE]: JSON.stringify({ adapter: './mine.mjs', strict: true }) });
    expect(await withConfigFile(['--seed', '3'], TABLE, cwd)).toEqual({
      argv: ['--adapter=./mine.mjs', '--strict', '--seed', '3'],
      file: join(cwd, FILE),
      fileArgv: ['--adapter=./mine.mjs', '--strict'],
      server: false,
    });
  });

  it("reads a module's default export", async () => {
    const cwd = folderWith({ 'conformance.config.mjs': 'export default { filters: ["C14"], runs: 5 };' });
    expect((await withConfigFile([], TABLE, cwd)).argv).toEqual(['--filter=C14', '--runs=5']);
  });

  it('names the file when it is not JSON or has no default export', async () => {
    await expect(withConfigFile([], TABLE, folderWith({ [FILE]: '{ adapter: x' }))).rejects.toThrow(/conformance\.config\.json: not valid JSON/);
    await expect(withConfigFile([], TABLE, folderWith({ 'conformance.config.mjs': 'export const adapter = "x";' }))).rejects.toThrow(
      /conformance\.config\.mjs: the module has no default export/,
    );
  });

  it('reads no file for --help, so help works while the file is broken', async () => {
    expect((await withConfigFile(['--help'], TABLE, folderWith({ [FILE]: 'not json' }))).argv).toEqual(['--help']);
  });
});

describe('a config file is read once, bounded', () => {
  it('a FIFO, a device and an oversized file are refused by name, never waited on', async () => {
    for (const name of ['conformance.config.json', 'conformance.config.mjs']) {
      const cwd = folderWith({});
      execFileSync('mkfifo', [join(cwd, name)]);
      await expect(withConfigFile([], TABLE, cwd)).rejects.toThrow(`${join(cwd, name)}: a FIFO (named pipe), not a regular file`);
    }
    const linked = folderWith({});
    symlinkSync('/dev/zero', join(linked, FILE));
    await expect(withConfigFile([], TABLE, linked)).rejects.toThrow(ConfigFileError);
    await expect(withConfigFile([], TABLE, linked)).rejects.toThrow(`${join(linked, FILE)}: a device, not a regular file`);
    const large = folderWith({ [FILE]: `{"seed": 1, "x": "${'y'.repeat(MAX_CONFIG_JSON_BYTES)}"}` });
    await expect(withConfigFile([], TABLE, large)).rejects.toThrow(/conformance\.config\.json: \d+ bytes, more than the 262144 bytes/);
  });
});
