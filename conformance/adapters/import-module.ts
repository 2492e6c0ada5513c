/**
 * Imports an adapter module given by path. JavaScript (.js, .mjs, .cjs) goes straight to
 * Node. TypeScript (.ts, .mts, .cts) goes to Node first too: Node 22.18+ and 23.6+ strip
 * types by default, and a run under tsx (this repository's `npm run conformance`) loads it
 * as well. Only when Node refuses the extension (Node 20, or 22 before 22.18 without
 * --experimental-strip-types) is tsx asked, as an optional peer dependency: installed, it
 * loads the file; missing, the error says how to proceed. No tsx is ever loaded for a
 * JavaScript adapter.
 */

const TYPESCRIPT = /\.[mc]?ts$/;

/** What to do when this Node cannot load a .ts adapter and tsx is not installed. */
export const TYPESCRIPT_FALLBACK_HINT = `Node ${process.version} cannot load TypeScript by itself (Node 22.18+ or 23.6+ can; 22.6+ with NODE_OPTIONS=--experimental-strip-types). Install tsx next to the suite (npm install --save-dev tsx) and it is used for .ts adapters, or compile the adapter to .mjs`;

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

/** Imports the module at `url` (a file: URL), with the TypeScript fallback described above. */
export async function importAdapterModule(url: string): Promise<Record<string, unknown>> {
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (!TYPESCRIPT.test(new URL(url).pathname) || !isUnknownExtension(error)) throw error;
  }
  let tsImport: (specifier: string, parent: string) => Promise<unknown>;
  try {
    ({ tsImport } = (await import('tsx/esm/api')) as { tsImport: typeof tsImport });
  } catch (error) {
    if (isMissingTsx(error)) throw new TypeScriptUnavailableError(TYPESCRIPT_FALLBACK_HINT);
    throw error;
  }
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}
