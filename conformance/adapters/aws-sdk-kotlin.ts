import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { buildJavaProgram } from './toolchains/java-build.mjs';

export const KOTLIN_SHIM_PROJECT = 'conformance/adapters/shims/aws-sdk-kotlin';
/** Kotlin compiles the top-level main of Main.kt into the class MainKt. */
const MAIN_CLASS = 'conformance.shim.MainKt';

/**
 * The argv that runs the Kotlin shim, compiling it (Maven with the Kotlin Maven plugin) into
 * .cache/java on first use and again when its sources change. The first build on a machine
 * downloads the pinned SDK, the Kotlin compiler and Maven's plugins into ~/.m2 (BENCHMARKS.md
 * has the times). -XX:TieredStopAtLevel=1, as for the Java shim: a few hundred short calls
 * gain more from quick compilation than from peak throughput.
 */
export function kotlinShimCommand(): string[] {
  const { java, argFile } = buildJavaProgram({ projectDir: KOTLIN_SHIM_PROJECT, name: 'aws-sdk-kotlin-shim' });
  return [java, '-XX:TieredStopAtLevel=1', `@${argFile}`, MAIN_CLASS];
}

/** The AWS SDK for Kotlin (cognitoidentityprovider-jvm) through the process-adapter protocol (see shims/aws-sdk-kotlin). */
export default function createAwsSdkKotlinAdapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: kotlinShimCommand(), ...options });
}
