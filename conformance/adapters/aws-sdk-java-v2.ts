import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { buildJavaProgram } from './toolchains/java-build.mjs';

export const JAVA_SHIM_PROJECT = 'conformance/adapters/shims/aws-sdk-java-v2';
const MAIN_CLASS = 'conformance.shim.Main';

/**
 * The argv that runs the Java shim, compiling it into .cache/java on first use and again when
 * its sources change (the first build on a machine downloads the pinned SDK into ~/.m2: about
 * 40 s; a rebuild with the jars already there takes 10 to 20 s).
 * `fault` selects the deliberately broken variant (see Main.java), for the suite's self-tests.
 * -XX:TieredStopAtLevel=1 (the quick C1 compiler only): the shim makes a few hundred short
 * calls, so compiling quickly beats peak throughput; a whole default run took about 40% less
 * time with it on this project's two-core machine.
 */
export function javaShimCommand(fault?: 'target-uppercased'): string[] {
  const { java, argFile } = buildJavaProgram({ projectDir: JAVA_SHIM_PROJECT, name: 'aws-sdk-java-v2-shim' });
  return [java, '-XX:TieredStopAtLevel=1', ...(fault ? [`-Dconformance.shim.fault=${fault}`] : []), `@${argFile}`, MAIN_CLASS];
}

/** The AWS SDK for Java 2.x (cognitoidentityprovider) through the process-adapter protocol (see shims/aws-sdk-java-v2). */
export default function createAwsSdkJavaV2Adapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: javaShimCommand(), ...options });
}
