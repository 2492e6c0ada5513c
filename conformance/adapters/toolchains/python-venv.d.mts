// Types for python-venv.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/python-venv.mjs` works
// without a TypeScript loader.

export declare const repoRoot: string;

export declare class VenvError extends Error {}

export interface VenvOptions {
  /** Where the venv lives; default .venv/<name> at the repository root. */
  venvDir?: string;
  /** The interpreter that creates the venv; default $PYTHON, else python3. */
  python?: string;
  /** Receives progress lines; default stderr. */
  log?: (line: string) => void;
}

export interface Venv {
  /** The venv's own interpreter. */
  python: string;
  venvDir: string;
  /** Whether this call had to build the venv. */
  built: boolean;
}

export declare function venvNameFor(requirementsFile: string): string;

export declare function ensureVenv(requirementsFile: string, options?: VenvOptions): Venv;
