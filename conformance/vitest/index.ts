// `revoketoken-conformance/vitest`: the client conformance suite as vitest tests, and the
// contract's matchers. Importing this module registers the matchers with vitest's expect;
// the declaration below gives them their types on `expect(...)`.
import { expect } from 'vitest';
import { type RevokeTokenMatchers, revokeTokenMatchers } from './matchers.ts';

expect.extend(revokeTokenMatchers);

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the parameter must match vitest's own declaration to merge with it.
  interface Matchers<T = any> extends RevokeTokenMatchers {}
}

export { ConformanceAssertionError } from './conformance-assertion-error.ts';
export { type ConformanceClient, type DescribeConformanceOptions, describeConformance, SEED_VARIABLE } from './describe-conformance.ts';
export { type RevokeTokenMatchers, revokeTokenMatchers } from './matchers.ts';
