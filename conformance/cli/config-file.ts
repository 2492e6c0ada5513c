import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importAdapterModule } from '../adapters/import-module.ts';
import { InputFileError, readInputFile } from '../files/read-input-file.ts';
import { type Flag, type FlagTable, parseFlags, UsageError } from './flags.ts';

/**
 * `conformance.config.json` (or `.mjs`, `.ts`) in the working directory: a project's usual
 * flags, so that `npx revoketoken-conformance` alone runs its setup. Every key stands for one
 * flag of the flag table (camelCase; a repeatable flag takes the plural and an array), so the
 * file can say nothing a flag cannot, and a flag given on the command line overrides it.
 */

export const CONFIG_FILE_NAMES = ['conformance.config.json', 'conformance.config.mjs', 'conformance.config.ts'] as const;

/** Flags that ask for a one-off action, or that a committed file should not switch on. */
// The settings `--serve` reads; the rest of a config file describes a suite run.
const SERVE_SETTINGS = new Set(['region', 'revision']);

const NOT_IN_A_FILE = new Set(['help', 'list', 'rules', 'explain', 'replay', 'serve', 'no-redact', 'server']);

/** Flags that name the client: one given on the command line replaces the file's. */
const CLIENT_CHOICE = ['adapter', 'command'];

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
      .filter(([name]) => !NOT_IN_A_FILE.has(name))
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
  const argv: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    const name = keys.get(key);
    if (name === undefined) throw new ConfigFileError(`${file}: unknown key "${key}" (known keys: ${[...keys.keys()].join(', ')})`);
    const flag = table[name]!;
    if (flag.type === 'boolean') {
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
  const withoutDefaults = Object.fromEntries(Object.entries(table).map(([name, { default: _, ...flag }]) => [name, flag]));
  return new Set(Object.entries(parseFlags(argv, withoutDefaults)).flatMap(([name, value]) => (value === undefined ? [] : [name])));
}

/** The file's arguments (one token each) with every flag `argv` sets left out, then `argv`. */
export function mergeWithFlags(fileArgv: readonly string[], argv: readonly string[], table: FlagTable): string[] {
  const given = flagsGiven(argv, table);
  const replaced = (name: string) =>
    given.has(name) || (CLIENT_CHOICE.includes(name) && (given.has('serve') || CLIENT_CHOICE.some((choice) => given.has(choice))));
  // --serve runs no suite: of the file's settings only those that shape the served fixture apply.
  const applies = (name: string) => !given.has('serve') || SERVE_SETTINGS.has(name);
  const kept = fileArgv.filter((token) => {
    const name = token.slice(2).split('=')[0]!;
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
export async function withConfigFile(argv: readonly string[], table: FlagTable, cwd: string): Promise<{ argv: string[]; file?: string; fileArgv?: string[] }> {
  if (argv.includes('--help') || argv.includes('-h')) return { argv: [...argv] };
  const file = findConfigFile(cwd);
  if (file === undefined) return { argv: [...argv] };
  const fileArgv = configToArgv(file, await readConfigFile(file), table);
  try {
    return { argv: mergeWithFlags(fileArgv, argv, table), file, fileArgv };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new ConfigFileError(`${file}: ${(error as Error).message}`);
  }
}
