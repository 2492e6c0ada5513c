import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { buildGoProgram } from './toolchains/go-build.mjs';

export const GO_SHIM_MODULE = 'conformance/adapters/shims/aws-sdk-go-v2';

/**
 * The path of the Go shim's binary, built into .cache/bin on first use and rebuilt when its
 * sources change (the first build downloads the pinned modules and compiles the SDK: tens of
 * seconds). `tags` selects a deliberately broken variant (see the fault_*.go files).
 */
export function goShimBinary(tags: string[] = []): string {
  const name = ['aws-sdk-go-v2-shim', ...tags.map((t) => t.replace(/_/g, '-'))].join('-');
  return buildGoProgram({ moduleDir: GO_SHIM_MODULE, name, tags }).binary;
}

/** The AWS SDK for Go v2 (service/cognitoidentityprovider) through the process-adapter protocol (see aws-sdk-go-v2/main.go). */
export default function createAwsSdkGoV2Adapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: [goShimBinary()], ...options });
}
