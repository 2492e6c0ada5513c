import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT_IN_NEEDS, missingPackageOf } from './built-in-needs.ts';
import { type Adapter, type AdapterModuleExport, checkCapabilities } from './contract.ts';
import { importAdapterModule, TypeScriptUnavailableError } from './import-module.ts';
import { TimedOut, withinTime } from './support/within-time.ts';

/** Built-in adapters by name; each is one file in this folder. */
export const BUILT_IN_ADAPTERS: Record<string, string> = {
  'aws-sdk-v3': './aws-sdk-v3.ts',
  'aws-sdk-v2': './aws-sdk-v2.ts',
  'smithy-generated': './smithy-generated.ts',
  'amplify-v6': './amplify-v6.ts',
  // Out of process, through the line protocol (process-agent/): Python, Go, Java, Rust and Kotlin.
  boto3: './boto3.ts',
  'aws-sdk-go-v2': './aws-sdk-go-v2.ts',
  'aws-sdk-java-v2': './aws-sdk-java-v2.ts',
  'aws-sdk-rust': './aws-sdk-rust.ts',
  'aws-sdk-kotlin': './aws-sdk-kotlin.ts',
  // The AWS CLI: v1 from PyPI, v2 from Debian's package, each driven in one long-lived Python process.
  'aws-cli-v1': './aws-cli-v1.ts',
  'aws-cli-v2': './aws-cli-v2.ts',
};

/** The built-ins that drive a client in another process: they run in the harness's thread, not a sandbox. */
export const OUT_OF_PROCESS_BUILT_INS: ReadonlySet<string> = new Set([
  'boto3',
  'aws-sdk-go-v2',
  'aws-sdk-java-v2',
  'aws-sdk-rust',
  'aws-sdk-kotlin',
  'aws-cli-v1',
  'aws-cli-v2',
]);

/** What the suite hands an adapter factory (a default export that is a function). */
export interface AdapterFactoryOptions {
  /** Real time one call may take; a process adapter kills and restarts a child that takes longer. */
  caseTimeoutMs: number;
  region: string;
  /**
   * Real time a user's adapter module may take to load and create its adapter, and a client
   * process to print its capabilities line. Built-in modules are not bounded: their first load
   * may build a pinned toolchain (minutes), and they are this project's own code.
   */
  startTimeoutMs?: number;
}

export const DEFAULT_ADAPTER = 'aws-sdk-v3';

/** A problem with --adapter: the CLI reports it as a configuration error (exit 2). */
export class AdapterLoadError extends Error {
  override name = 'AdapterLoadError';
}

/**
 * The built-in's module: `.ts` beside the sources, `.js` in the compiled package. The
 * out-of-process built-ins build their shims with this repository's toolchain scripts and
 * are not compiled into the package, so outside a clone they are refused with a way out.
 */
function builtInUrl(name: string): string {
  const url = new URL(BUILT_IN_ADAPTERS[name]!.replace(/\.ts$/, import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url);
  if (!existsSync(url)) {
    throw new AdapterLoadError(
      `--adapter ${name}: this built-in runs from a clone of the repository (it builds its shim with the project's toolchains); in your project, start your own shim with --command (CONTRACT.md section 2)`,
    );
  }
  return url.href;
}

function looksLikePath(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || /\.(m?js|ts)$/.test(spec);
}

/** Resolves `--adapter <built-in name | path>` to a checked Adapter object. */
export async function loadAdapter(spec: string, factoryOptions: AdapterFactoryOptions, cwd = process.cwd()): Promise<{ adapter: Adapter; builtIn?: string }> {
  let url: string;
  let builtIn: string | undefined;
  if (spec in BUILT_IN_ADAPTERS) {
    url = builtInUrl(spec);
    builtIn = spec;
  } else if (looksLikePath(spec)) {
    const path = isAbsolute(spec) ? spec : resolve(cwd, spec);
    if (!existsSync(path)) throw new AdapterLoadError(`--adapter ${spec}: no such file (${path})`);
    url = pathToFileURL(path).href;
  } else {
    throw new AdapterLoadError(`--adapter ${spec}: not a built-in adapter (${Object.keys(BUILT_IN_ADAPTERS).join(', ')}) and not a path to a module`);
  }
  // A module whose top-level await or factory never settles must not hold the run forever.
  const bound = <T>(work: () => Promise<T> | T, what: string) =>
    builtIn !== undefined || factoryOptions.startTimeoutMs === undefined
      ? work()
      : withinTime(work(), factoryOptions.startTimeoutMs, what, ' (--start-timeout)');
  let module: { default?: AdapterModuleExport };
  try {
    module = await bound(() => (builtIn ? import(url) : importAdapterModule(url)), `the adapter module ${spec}`);
  } catch (error) {
    if (error instanceof TimedOut) throw new AdapterLoadError(`--adapter ${spec}: ${error.message}`);
    const missing = builtIn ? missingPackageOf(error, BUILT_IN_NEEDS[builtIn]) : undefined;
    if (missing) throw new AdapterLoadError(`--adapter ${spec}: ${missing}`);
    if (error instanceof TypeScriptUnavailableError) throw new AdapterLoadError(`--adapter ${spec}: ${error.message}`);
    throw new AdapterLoadError(`--adapter ${spec}: the module failed to load: ${(error as Error).message}`);
  }
  const exported = module.default;
  if (exported === undefined) throw new AdapterLoadError(`--adapter ${spec}: the module has no default export`);
  let adapter: unknown;
  try {
    adapter =
      typeof exported === 'function'
        ? await bound(() => (exported as (options: AdapterFactoryOptions) => unknown)(factoryOptions), `the adapter factory of ${spec}`)
        : exported;
  } catch (error) {
    if (error instanceof TimedOut) throw new AdapterLoadError(`--adapter ${spec}: ${error.message}`);
    throw new AdapterLoadError(`--adapter ${spec}: the adapter could not be created: ${(error as Error).message}`);
  }
  return { adapter: checkAdapter(adapter, spec), builtIn };
}

function checkAdapter(value: unknown, spec: string): Adapter {
  const candidate = value as Partial<Adapter> | null;
  if (candidate === null || typeof candidate !== 'object')
    throw new AdapterLoadError(`--adapter ${spec}: the default export must be an adapter object or a function returning one`);
  if (typeof candidate.name !== 'string' || candidate.name === '') throw new AdapterLoadError(`--adapter ${spec}: adapter.name must be a non-empty string`);
  if (typeof candidate.revokeToken !== 'function') throw new AdapterLoadError(`--adapter ${spec}: adapter.revokeToken must be a function`);
  const checked = checkCapabilities(candidate.capabilities);
  if (!checked.ok) throw new AdapterLoadError(`--adapter ${spec}: adapter.${checked.problem}`);
  return candidate as Adapter;
}

/** Out-of-process adapters run in real time and reach the fake service over loopback. */
export function isOutOfProcess(adapter: Adapter): boolean {
  return (adapter as { kind?: unknown }).kind === 'process';
}
