import { rustShimBinary } from '../../adapters/aws-sdk-rust.ts';
import { createProcessAdapter } from '../../adapters/process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from '../../adapters/process-agent/types.ts';

/**
 * Self-test only: the Rust shim built with the fault_unknown_error feature, which decodes every
 * service error as "UnknownError" (shims/aws-sdk-rust/src/fault_unknown_error.rs). The suite
 * must fail it on every case that expects an error by name.
 */
export default function createBrokenRustAdapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: [rustShimBinary(['fault_unknown_error'])], ...options });
}
