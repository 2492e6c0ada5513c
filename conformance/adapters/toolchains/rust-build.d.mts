// Types for rust-build.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/rust-build.mjs` works
// without a TypeScript loader.

export declare const repoRoot: string;
/** .cache/bin at the repository root (git-ignored). */
export declare const binDir: string;
/** .cache/cargo-target at the repository root: one cargo target folder per package. */
export declare const targetRoot: string;
/** The cargo profile every shim is built with. */
export declare const PROFILE: string;

export interface RustProgram {
  /** The folder with Cargo.toml and Cargo.lock, absolute or relative to the repository root. */
  crateDir: string;
  /** The binary's file name in .cache/bin; default: the folder's name plus the features. */
  name?: string;
  /** Cargo features of the crate (e.g. a deliberately broken variant). */
  features?: string[];
}

export declare const KNOWN_PROGRAMS: readonly RustProgram[];

export declare class RustBuildError extends Error {}

export interface RustBuildOptions extends RustProgram {
  /** The cargo binary; default $CARGO, else cargo. */
  cargo?: string;
  /** The rustc binary; default $RUSTC, else rustc. */
  rustc?: string;
  /** Receives progress lines; default stderr. */
  log?: (line: string) => void;
}

export interface RustBuildResult {
  /** Absolute path of the up-to-date binary. */
  binary: string;
  /** Whether this call had to build it. */
  built: boolean;
}

export declare function buildRustProgram(options: RustBuildOptions): RustBuildResult;
