/**
 * The deliberately broken process clients: a real SDK behind the line protocol with one fault
 * each, proving that the suite catches a fault in a client it drives out of process.
 * test/e2e/catches-broken-shims.spec.ts runs each through the CLI.
 */
export interface BrokenShim {
  name: string;
  fault: string;
  /** The rule that must catch it. */
  rule: string;
  /** The module whose default export creates the adapter (repository path). */
  module: string;
}

export const BROKEN_SHIMS: readonly BrokenShim[] = [
  {
    name: 'boto3-drops-client-secret',
    fault: 'boto3 with ClientSecret dropped from the request body',
    rule: 'C8',
    module: 'conformance/self-test/broken-shims/boto3-drops-client-secret.ts',
  },
  {
    name: 'aws-sdk-go-v2-unknown-error',
    fault: 'the Go SDK with every service error decoded as UnknownError',
    rule: 'C20',
    module: 'conformance/self-test/broken-shims/aws-sdk-go-v2-unknown-error.ts',
  },
  {
    name: 'aws-sdk-java-v2-target-uppercased',
    fault: 'the Java SDK v2 sending X-Amz-Target in upper case',
    rule: 'C4',
    module: 'conformance/self-test/broken-shims/aws-sdk-java-v2-target-uppercased.ts',
  },
  {
    name: 'aws-sdk-rust-unknown-error',
    fault: 'the Rust SDK with every service error decoded as UnknownError',
    rule: 'C20',
    module: 'conformance/self-test/broken-shims/aws-sdk-rust-unknown-error.ts',
  },
];
