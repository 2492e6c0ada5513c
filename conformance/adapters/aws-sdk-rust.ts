import { createProcessAdapter } from './process-agent/process-adapter.ts';
import type { ProcessAdapter, ProcessAdapterOptions } from './process-agent/types.ts';
import { buildRustProgram } from './toolchains/rust-build.mjs';

export const RUST_SHIM_CRATE = 'conformance/adapters/shims/aws-sdk-rust';

/**
 * The path of the Rust shim's binary, built into .cache/bin on first use and rebuilt when its
 * sources change (the first build downloads the pinned crates and compiles the SDK: minutes
 * on two cores; later runs only hash the sources). `features` selects a deliberately broken
 * variant (see the shim's Cargo.toml).
 */
export function rustShimBinary(features: string[] = []): string {
  const name = ['aws-sdk-rust-shim', ...features.map((f) => f.replace(/_/g, '-'))].join('-');
  return buildRustProgram({ crateDir: RUST_SHIM_CRATE, name, features }).binary;
}

/** The AWS SDK for Rust (aws-sdk-cognitoidentityprovider) through the process-adapter protocol (see shims/aws-sdk-rust/src/main.rs). */
export default function createAwsSdkRustAdapter(options: Partial<ProcessAdapterOptions> = {}): Promise<ProcessAdapter> {
  return createProcessAdapter({ command: [rustShimBinary()], ...options });
}
