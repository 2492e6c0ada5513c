import { javaShimCommand } from '../../adapters/aws-sdk-java-v2.ts';
import { createProcessAdapter } from '../../adapters/process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from '../../adapters/process-agent/types.ts';

/**
 * Self-test only: the Java shim run with -Dconformance.shim.fault=target-uppercased, which
 * sends X-Amz-Target in upper case (an execution interceptor in shims/aws-sdk-java-v2's
 * Main.java). The suite must fail it on rule C4 on every case that sends a request.
 */
export default function createBrokenJavaAdapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: javaShimCommand('target-uppercased'), ...options });
}
