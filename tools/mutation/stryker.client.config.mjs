import { strykerConfig } from './stryker-base.mjs';

// Client direction: mutants of the minimal client, killed by the client suite's verdict.
// The Python and Go shims are out of StrykerJS's reach (decisions/0009-mutation-testing.md).
export default strykerConfig('client', ['conformance/self-test/minimal-client.ts']);
