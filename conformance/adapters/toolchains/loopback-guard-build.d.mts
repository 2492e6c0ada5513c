// Types for loopback-guard-build.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/loopback-guard-build.mjs` works
// without a TypeScript loader.

/** conformance/server/lanes/fakecloud/loopback-guard.c */
export declare const GUARD_SOURCE: string;

export declare class GuardBuildError extends Error {}

/** The compiled LD_PRELOAD guard in .cache/loopback-guard/, built first when missing (Linux only). */
export declare function buildLoopbackGuard(options?: { cc?: string; log?: (line: string) => void }): { library: string; built: boolean };
