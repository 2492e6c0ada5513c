import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFileError, configKeys, configToArgv, findConfigFile, MAX_CONFIG_JSON_BYTES, mergeWithFlags, withConfigFile } from './config-file.ts';
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
    expect(() => configToArgv(FILE, { help: true }, TABLE)).toThrow(/unknown key "help"/);
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
