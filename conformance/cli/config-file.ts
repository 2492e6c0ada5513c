import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importAdapterModule } from '../adapters/import-module.ts';
import { InputFileError, readInputFile } from '../files/read-input-file.ts';
import { isServerRun, SERVER_FLAGS, splitServerFlag } from '../server/cli/server-options.ts';
import { COMMON_FLAGS, type Flag, type FlagTable, parseFlags, UsageError } from './flags.ts';
import { CLIENT_FLAGS } from './options.ts';

/**
 * `conformance.config.json` (or `.mjs`, `.ts`) in the working directory: a project's usual
 * flags, so that `npx revoketoken-conformance` alone runs its setup. Every key stands for one
 * flag of the flag table (camelCase; a repeatable flag takes the plural and an array), so the
 * file can say nothing a flag cannot, and a flag given on the command line overrides it.
 */

export const CONFIG_FILE_NAMES = ['conformance.config.json', 'conformance.config.mjs', 'conformance.config.ts'] as const;

// The settings `--serve` reads; the rest of a config file describes a suite run.
const SERVE_SETTINGS = new Set(['region', 'revision']);

/** Every flag a config file may stand for: both directions' and the common ones. */
export const CONFIG_FLAGS: FlagTable = { ...CLIENT_FLAGS, ...SERVER_FLAGS, ...COMMON_FLAGS };

const ONE_OFF = 'it asks for a one-off action, not a setting: give it on the command line';

/**
 * The flags a file cannot set, each with the reason (shown in the error and in the JSON Schema).
 * Every other flag of CONFIG_FLAGS has a key (config-schema.test.ts keeps the two in step).
 */
export const NOT_IN_A_FILE: Readonly<Record<string, string>> = {
  help: ONE_OFF,
  list: ONE_OFF,
  rules: ONE_OFF,
  explain: ONE_OFF,
  replay: `${ONE_OFF} (a replay re-runs one recorded failure)`,
  'replay-commands': `${ONE_OFF} (it goes with --replay)`,
  serve: `${ONE_OFF} (--serve runs no suite)`,
  'no-redact':
    'redaction is switched off only on the command line (--no-redact): a repository can ship a config file, and a file must not be able to show the tokens and secrets of everyone who runs the suite in it',
};

/** The key a file may hold besides the flags': an editor's pointer to the JSON Schema, ignored by the suite. */
export const SCHEMA_KEY = '$schema';

/** Flags that name the client: one given on the command line replaces the file's. */
const CLIENT_CHOICE = ['adapter', 'command'];

/** The flags of one direction only: when the run goes the other way, a file's setting of them does not apply. */
const CLIENT_ONLY = new Set(Object.keys(CLIENT_FLAGS));
const SERVER_ONLY = new Set(Object.keys(SERVER_FLAGS));

/** A bad configuration file: exit 2, with the file and the key named. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The config key of a flag: camelCase, plural for a repeatable flag (reporter -> reporters). */
export function configKeyOf(flag: string, declared: Flag): string {
  return `${camelCase(flag)}${declared.multiple ? 's' : ''}`;
}

/** Config key -> flag name, for every flag of `table` a file may set. */
export function configKeys(table: FlagTable): Map<string, string> {
  return new Map(
    Object.entries(table)
      .filter(([name]) => !Object.hasOwn(NOT_IN_A_FILE, name))
      .map(([name, flag]) => [configKeyOf(name, flag), name]),
  );
}

/** Config key -> flag name, for the flags of `table` a file may not set. */
function excludedKeys(table: FlagTable): Map<string, string> {
  return new Map(
    Object.entries(table)
      .filter(([name]) => Object.hasOwn(NOT_IN_A_FILE, name))
      .map(([name, flag]) => [configKeyOf(name, flag), name]),
  );
}

/** Whole numbers are written as numbers in a file, and mean the same as the flag's text. */
function scalar(file: string, key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ConfigFileError(`${file}: "${key}" must be a string or a number, got ${JSON.stringify(value) ?? typeof value}`);
}

/** The file's settings as command-line arguments, each key checked against the flag table. */
export function configToArgv(file: string, config: unknown, table: FlagTable): string[] {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigFileError(`${file}: must hold an object of settings such as { "adapter": "./my-adapter.mjs" }`);
  }
  const keys = configKeys(table);
  const excluded = excludedKeys(table);
  const argv: string[] = [];
  const entries = Object.entries(config);
  const set = (key: string) => entries.some(([k]) => k === key);
  if (set('server') && (set('adapter') || set('command'))) {
    throw new ConfigFileError(`${file}: "server" and "${set('adapter') ? 'adapter' : 'command'}" are both set: a run judges a server or a client; keep one`);
  }
  for (const [key, value] of entries) {
    if (key === SCHEMA_KEY) {
      if (typeof value !== 'string')
        throw new ConfigFileError(`${file}: "${SCHEMA_KEY}" must be a string (the JSON Schema's path or URL), got ${JSON.stringify(value)}`);
      continue;
    }
    const refused = excluded.get(key);
    if (refused !== undefined) throw new ConfigFileError(`${file}: "${key}" cannot be set in a config file: ${NOT_IN_A_FILE[refused]}`);
    const name = keys.get(key);
    if (name === undefined) throw new ConfigFileError(`${file}: unknown key "${key}" (known keys: ${[...keys.keys()].join(', ')})`);
    const flag = table[name]!;
    if (name === 'server') {
      // `--server` alone is the reference server: `true` in a file; a URL or a lane name otherwise.
      if (value === true) argv.push('--server');
      else if (typeof value === 'string' && value !== '') argv.push(`--server=${value}`);
      else throw new ConfigFileError(`${file}: "server" must be true (the reference server), a URL or a lane name, got ${JSON.stringify(value)}`);
    } else if (flag.type === 'boolean') {
      if (typeof value !== 'boolean') throw new ConfigFileError(`${file}: "${key}" must be true or false, got ${JSON.stringify(value)}`);
      if (value) argv.push(`--${name}`);
    } else if (flag.multiple) {
      if (!Array.isArray(value)) throw new ConfigFileError(`${file}: "${key}" must be an array, got ${JSON.stringify(value)}`);
      for (const item of value) argv.push(`--${name}=${scalar(file, key, item)}`);
    } else {
      // One `--name=value` token, so a value that starts with a dash stays a value.
      argv.push(`--${name}=${scalar(file, key, value)}`);
    }
  }
  return argv;
}

/** The flags `argv` itself sets (defaults left out), so the file yields to them. */
function flagsGiven(argv: readonly string[], table: FlagTable): Set<string> {
  // `--server` takes an optional value, which parseArgs cannot read: it is taken out first.
  const { present, rest } = splitServerFlag(argv);
  const withoutDefaults = Object.fromEntries(
    Object.entries(table)
      .filter(([name]) => name !== 'server')
      .map(([name, { default: _, ...flag }]) => [name, flag]),
  );
  const given = new Set(Object.entries(parseFlags(rest, withoutDefaults)).flatMap(([name, value]) => (value === undefined ? [] : [name])));
  if (present) given.add('server');
  return given;
}

const flagOfToken = (token: string) => token.slice(2).split('=')[0]!;

/**
 * The file's arguments (one token each) with every flag `argv` sets left out, then `argv`. The
 * run's direction is the command line's (`--server`, or `--adapter`, `--command`, `--serve`),
 * else the file's (`server` set or not); the file's settings of the other direction's flags
 * do not apply, so one file can hold a project's client and server settings alike.
 */
export function mergeWithFlags(fileArgv: readonly string[], argv: readonly string[], table: FlagTable): string[] {
  const given = flagsGiven(argv, table);
  const server = given.has('server') || (!['adapter', 'command', 'serve'].some((name) => given.has(name)) && fileArgv.some((t) => flagOfToken(t) === 'server'));
  const replaced = (name: string) =>
    given.has(name) || (CLIENT_CHOICE.includes(name) && (given.has('serve') || CLIENT_CHOICE.some((choice) => given.has(choice))));
  // --serve runs no suite: of the file's settings only those that shape the served fixture apply.
  const applies = (name: string) => (server ? !CLIENT_ONLY.has(name) : !SERVER_ONLY.has(name)) && (!given.has('serve') || SERVE_SETTINGS.has(name));
  const kept = fileArgv.filter((token) => {
    const name = flagOfToken(token);
    return applies(name) && !replaced(name);
  });
  return [...kept, ...argv];
}

/** The config file in `cwd`, if there is one; two of them is an error (which one counts?). */
export function findConfigFile(cwd: string): string | undefined {
  const present = CONFIG_FILE_NAMES.filter((name) => existsSync(join(cwd, name)));
  if (present.length > 1) throw new ConfigFileError(`${present.join(' and ')} are both in ${cwd}: keep one`);
  return present[0] === undefined ? undefined : join(cwd, present[0]);
}

/**
 * Most bytes a config file may hold: 256 KiB for JSON (a config names a dozen settings; this is
 * a thousand times that), 1 MiB for a module (which may carry a little code).
 */
export const MAX_CONFIG_JSON_BYTES = 256 * 1024;
export const MAX_CONFIG_MODULE_BYTES = 1024 * 1024;

/** Real time a config module may take to load and settle its top-level await: 30 s, like --start-timeout's default. */
export const CONFIG_MODULE_TIMEOUT_MS = 30_000;

async function boundedText(path: string, maxBytes: number): Promise<string> {
  try {
    return await readInputFile(path, { maxBytes });
  } catch (error) {
    if (error instanceof InputFileError) throw new ConfigFileError(`${path}: ${error.problem}`);
    throw error;
  }
}

/**
 * Reads a config file: JSON, or a module whose default export is the settings object. Either is
 * read once through the bounded reader first, so a FIFO, a device or a huge file is refused by
 * name instead of hanging the import (Node reads a module with a blocking read).
 */
export async function readConfigFile(path: string): Promise<unknown> {
  if (path.endsWith('.json')) {
    const text = await boundedText(path, MAX_CONFIG_JSON_BYTES);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigFileError(`${path}: not valid JSON (${(error as Error).message})`);
    }
  }
  await boundedText(path, MAX_CONFIG_MODULE_BYTES);
  let module: Record<string, unknown>;
  let timer: NodeJS.Timeout | undefined;
  try {
    module = await Promise.race([
      importAdapterModule(pathToFileURL(path).href),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`it did not finish loading within ${CONFIG_MODULE_TIMEOUT_MS} ms`)), CONFIG_MODULE_TIMEOUT_MS);
        timer.unref();
      }),
    ]);
  } catch (error) {
    throw new ConfigFileError(`${path}: the module failed to load: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (!('default' in module)) throw new ConfigFileError(`${path}: the module has no default export (export default { adapter: ... })`);
  return module.default;
}

/**
 * `argv` with the working directory's config file applied under it. `--help` reads no file,
 * so help works even while the file is broken.
 */
export async function withConfigFile(
  argv: readonly string[],
  table: FlagTable,
  cwd: string,
): Promise<{ argv: string[]; file?: string; fileArgv?: string[]; server?: boolean }> {
  if (argv.includes('--help') || argv.includes('-h')) return { argv: [...argv] };
  const file = findConfigFile(cwd);
  if (file === undefined) return { argv: [...argv] };
  const fileArgv = configToArgv(file, await readConfigFile(file), table);
  try {
    const merged = mergeWithFlags(fileArgv, argv, table);
    // What the file contributes to this run, to be checked on its own (a bad value is the file's to fix).
    const applied = merged.slice(0, merged.length - argv.length);
    return { argv: merged, file, fileArgv: applied, server: isServerRun(merged) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new ConfigFileError(`${file}: ${(error as Error).message}`);
  }
}
