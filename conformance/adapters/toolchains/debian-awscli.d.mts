// Types for debian-awscli.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/debian-awscli.mjs`
// works without a TypeScript loader (.ci/run calls it).

export declare const AWSCLI_V2_VERSION: string;
export declare const DEBIAN_PYTHON: string;

export declare class DebianAwscliError extends Error {}

export declare function installedAwscliVersion(): string | undefined;

export declare function ensureDebianAwscli(options?: { log?: (line: string) => void }): {
  /** The interpreter Debian's awscli modules are installed for. */
  python: string;
  /** awscli.__version__ as that interpreter imports it. */
  version: string;
  /** Whether this call ran apt-get. */
  installed: boolean;
};
