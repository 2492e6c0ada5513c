// Types for fetch.mjs, which stays plain JavaScript so `node tools/official-cases/fetch.mjs`
// works without a TypeScript loader (it runs in the CI warm-up before anything else).

export declare const repoRoot: string;
export declare const BOTOCORE_VERSION: string;
export declare const SDIST_SHA256: string;
export declare const CASE_FILES: readonly string[];
export declare const STAMP: string;

export declare class OfficialCasesError extends Error {}

export interface OfficialCasesOptions {
  /** Folder that holds botocore-<version>/; default .cache/official-cases at the repository root. */
  cacheRoot?: string;
  /** Default BOTOCORE_VERSION; when given, the requirements-fidelity.txt cross-check is skipped. */
  version?: string;
  /** Default SDIST_SHA256. */
  sdistSha256?: string;
  /** A local sdist to use instead of downloading one (still hash-checked). */
  sdistPath?: string;
  /** Interpreter for pip and unpacking; default the fidelity venv's. */
  python?: string;
  log?: (line: string) => void;
}

export declare function casesDirFor(version?: string, cacheRoot?: string): string;
export declare function pinnedBotocoreVersion(requirementsPath?: string): string;
export declare function isReady(dir: string, expectedSha256?: string): boolean;
export declare function ensureOfficialCases(options?: OfficialCasesOptions): { dir: string; fetched: boolean };
