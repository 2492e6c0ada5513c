// Types for go-build.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/go-build.mjs` works
// without a TypeScript loader.

export declare const repoRoot: string;
/** .cache/bin at the repository root (git-ignored). */
export declare const binDir: string;

export interface GoProgram {
  /** The folder with go.mod, absolute or relative to the repository root. */
  moduleDir: string;
  /** The binary's file name in .cache/bin; default: the folder's name plus the tags. */
  name?: string;
  /** Go build tags. */
  tags?: string[];
}

export declare const KNOWN_PROGRAMS: readonly GoProgram[];

export declare class GoBuildError extends Error {}

export interface GoBuildOptions extends GoProgram {
  /** The go binary; default $GO, else go. */
  go?: string;
  /** Receives progress lines; default stderr. */
  log?: (line: string) => void;
}

export interface GoBuildResult {
  /** Absolute path of the up-to-date binary. */
  binary: string;
  /** Whether this call had to build it. */
  built: boolean;
}

export declare function buildGoProgram(options: GoBuildOptions): GoBuildResult;
