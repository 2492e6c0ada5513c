/**
 * Imports a user's module (an adapter or a config file) given by path. JavaScript (.js, .mjs,
 * .cjs) goes straight to Node. TypeScript (.ts, .mts, .cts) goes to Node first too: Node
 * 22.18+ and 23.6+ strip types by default, and a run under tsx (this repository's `npm run
 * conformance`) loads it as well. Only when Node refuses the extension (Node 20, or 22 before
 * 22.18 without --experimental-strip-types) is tsx asked, as an optional peer dependency:
 * installed, it loads the file; missing, the error says how to proceed in one line. No tsx is
 * ever loaded for a JavaScript module.
 *
 * A project made by `npm init -y` (npm 11) says `"type": "commonjs"`, so Node and tsx take its
 * `.ts` files for CommonJS, while the README's adapter and most users write `import` and
 * `export`. Node's type stripping then stops at the first `import` ("Cannot use import
 * statement outside a module"), and tsx's ES module loader reaches the file through require()
 * in a cycle. Both are met here: under type stripping a load hook takes such a file, one whose
 * own text has ES module syntax, as an ES module (what Node's syntax detection does for files
 * with no "type"); through tsx a `.ts` or `.cts` file in a CommonJS scope goes to tsx's
 * CommonJS loader, which compiles `import`/`export` to require() and exports.
 */
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPESCRIPT = /\.[mc]?ts$/;

/** What to do when this Node cannot load a .ts module and tsx is not installed. */
export const TYPESCRIPT_FALLBACK_HINT = `Node ${process.version} cannot load TypeScript by itself (Node 22.18+ or 23.6+ can; 22.6+ with NODE_OPTIONS=--experimental-strip-types). Install tsx next to the suite (npm install --save-dev tsx) and it is used for .ts modules, or compile the module to .mjs`;

export class TypeScriptUnavailableError extends Error {
  override name = 'TypeScriptUnavailableError';
}

function isUnknownExtension(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_UNKNOWN_FILE_EXTENSION';
}

function isMissingTsx(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && String(e?.message).includes("'tsx");
}

/** The "type" of the package.json nearest to `path` (Node's rule: the first one found upwards decides). */
export function packageTypeOf(path: string): 'module' | 'commonjs' {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(folder, 'package.json'), 'utf8');
    } catch {
      // No package.json in this folder: look further up.
    }
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dirname(folder) === folder) return 'commonjs';
  }
}

/**
 * Whether TypeScript text is written as an ES module: an `import` or `export` statement at the
 * start of a line (comments and strings are not parsed; a CommonJS file in TypeScript has
 * neither, as `import x = require()` and `export =` are not type-strippable anyway).
 */
export function hasModuleSyntax(source: string): boolean {
  return /^[ \t]*(?:import[\s{*'"]|export[\s{*])/m.test(source);
}

interface LoadResult {
  format?: string | null;
  source?: unknown;
  shortCircuit?: boolean;
}
type RegisterHooks = (hooks: { load: (url: string, context: object, nextLoad: (url: string, context?: object) => LoadResult) => LoadResult }) => unknown;

let commonJsScopeHookRegistered = false;

/**
 * Under type stripping, a `.ts` file that Node takes for CommonJS (its package says so) but that
 * is written as an ES module loads as an ES module. Node 22.15+ and 23.5+ have the synchronous
 * hooks this needs; on older ones the import fails as Node says and the error adds the fix.
 */
function takeEsmTypeScriptInCommonJsScopeAsModule(): void {
  const registerHooks = (nodeModule as unknown as { registerHooks?: RegisterHooks }).registerHooks;
  if (commonJsScopeHookRegistered || registerHooks === undefined) return;
  commonJsScopeHookRegistered = true;
  registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (result.format !== 'commonjs-typescript' || !url.startsWith('file:') || !url.endsWith('.ts')) return result;
      const source = readFileSync(fileURLToPath(url), 'utf8');
      return hasModuleSyntax(source) ? { format: 'module-typescript', source, shortCircuit: true } : result;
    },
  });
}

/** The one line that says how to load an ES module written in `.ts` inside a CommonJS package. */
export function commonJsScopeHint(path: string): string {
  return `${path} is written as an ES module, but its package.json says "type": "commonjs" (or has no "type"): rename it to .mts, or set "type": "module"`;
}

function isEsmSyntaxInCommonJs(error: unknown): boolean {
  const message = String((error as { message?: unknown } | null)?.message);
  return error instanceof SyntaxError && (message.includes('Cannot use import statement outside a module') || message.includes("Unexpected token 'export'"));
}

/** Imports the module at `url` (a file: URL), with the TypeScript fallbacks described above. */
export async function importAdapterModule(url: string): Promise<Record<string, unknown>> {
  const path = fileURLToPath(url);
  const typescript = TYPESCRIPT.test(path);
  if (typescript && path.endsWith('.ts') && packageTypeOf(path) === 'commonjs') takeEsmTypeScriptInCommonJsScopeAsModule();
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (typescript && isEsmSyntaxInCommonJs(error)) throw new SyntaxError(`${(error as Error).message}. ${commonJsScopeHint(path)}`, { cause: error });
    if (!typescript || !isUnknownExtension(error)) throw error;
  }
  const commonJsScope = path.endsWith('.cts') || (path.endsWith('.ts') && packageTypeOf(path) === 'commonjs');
  try {
    if (commonJsScope) {
      // tsx's CommonJS loader, found from here as `tsx/esm/api` is (the sandbox loads both before its network guard).
      const { require: tsxRequire } = nodeModule.createRequire(import.meta.url)('tsx/cjs/api') as { require: (id: string, parent: string) => unknown };
      return namespaceOf(tsxRequire(path, path));
    }
    const { tsImport } = (await import('tsx/esm/api')) as { tsImport: (specifier: string, parent: string) => Promise<unknown> };
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    if (isMissingTsx(error)) throw new TypeScriptUnavailableError(TYPESCRIPT_FALLBACK_HINT);
    throw error;
  }
}

/** What `import()` gives for a CommonJS module: `exports.default` of a compiled ES module, else the exports object itself. */
function namespaceOf(exports: unknown): Record<string, unknown> {
  const value = exports as { __esModule?: unknown; default?: unknown } | null;
  if (value !== null && typeof value === 'object' && value.__esModule === true) return value as Record<string, unknown>;
  return { default: exports };
}
