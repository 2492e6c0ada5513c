// Types for build.mjs, which stays plain JavaScript so `node conformance/adapters/toolchains/java-build.mjs` works
// without a TypeScript loader.

export declare const repoRoot: string;
/** .cache/java at the repository root (git-ignored). */
export declare const javaCacheDir: string;

export interface JavaProgram {
  /** The folder with pom.xml, absolute or relative to the repository root. */
  projectDir: string;
  /** The output's folder name in .cache/java; default: the project folder's name. */
  name?: string;
}

export declare const KNOWN_PROGRAMS: readonly JavaProgram[];

export declare class JavaBuildError extends Error {}

export interface JavaBuildOptions extends JavaProgram {
  /** The java binary the shim runs on; default $JAVA, else java. */
  java?: string;
  /** The mvn binary; default $MVN, else mvn. */
  mvn?: string;
  /** Receives progress lines; default stderr. */
  log?: (line: string) => void;
}

export interface JavaBuildResult {
  /** The java binary that was probed (run the program with it). */
  java: string;
  /** The runtime class path: the compiled classes first, then the resolved jars (in ~/.m2). */
  classpath: string[];
  /** A `java @file` argument file holding `-cp <classpath>`. */
  argFile: string;
  /** Absolute path of .cache/java/<name>. */
  outputDir: string;
  /** Whether this call had to build it. */
  built: boolean;
}

export declare function buildJavaProgram(options: JavaBuildOptions): JavaBuildResult;
