import { goShimBinary } from '../../adapters/aws-sdk-go-v2.ts';
import { createProcessAdapter } from '../../adapters/process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from '../../adapters/process-agent/types.ts';

/**
 * Self-test only: the Go shim built with the fault_unknown_error tag, which decodes every
 * service error as "UnknownError" (aws-sdk-go-v2/fault_unknown_error.go). The suite must fail
 * it on every case that expects an error by name.
 */
export default function createBrokenGoAdapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: [goShimBinary(['fault_unknown_error'])], ...options });
}
