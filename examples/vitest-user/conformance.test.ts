// The whole client conformance suite as vitest tests: one test per fixture and per property,
// named by the case's id. `npx vitest run -t RevokeTokenUnauthorizedExceptionAsObserved`
// runs one; a failure names the rule, what was expected, what the client did, and a replay line.
import { describeConformance } from 'revoketoken-conformance/vitest';
import myAdapter from './my-adapter.mjs';

describeConformance(myAdapter, {
  // Should-level rules fail too: this client means to follow every rule.
  strict: true,
  // Known failures would go here, each with a reason and a source:
  // expectations: [{ case: 'RevokeTokenSuccessNullMember', check: 'C12', reason: '...', source: '...' }],
});
