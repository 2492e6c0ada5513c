// Types for fakecloud-build.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/fakecloud-build.mjs` works
// without a TypeScript loader.

/** The fakecloud release conformance/expectations/fakecloud.json describes. */
export declare const FAKECLOUD_VERSION: string;
export declare const FAKECLOUD_CRATE_SHA256: string;
export declare const FAKECLOUD_CARGO_LOCK_SHA256: string;
export declare const PROFILE: string;

export declare class FakecloudBuildError extends Error {}

/** $REVOKETOKEN_TOOLCHAIN_CACHE/fakecloud-build when set, else .cache/fakecloud-build in the clone. */
export declare function cacheRoot(env?: Record<string, string | undefined>): string;

/** sha256 over the pins and the toolchain (`rustc -vV`, `cargo -V`). */
export declare function buildKey(tools?: { cargo?: string; rustc?: string }): string;

export interface InstallPaths {
  installDir: string;
  binary: string;
  stamp: string;
}

export declare function installPaths(key: string, root?: string): InstallPaths;

/** Whether the build at `paths` is complete and unchanged for `key`. */
export declare function isCurrent(paths: InstallPaths, key: string): boolean;

export interface FakecloudBuild {
  binary: string;
  key: string;
  built: boolean;
  /** How long the build took, when this call built it. */
  seconds?: number;
}

/** The pinned fakecloud for the current toolchain, built first when missing or stale. */
export declare function ensureFakecloud(options?: {
  cargo?: string;
  rustc?: string;
  root?: string;
  log?: (line: string) => void;
  build?: boolean;
}): FakecloudBuild;
