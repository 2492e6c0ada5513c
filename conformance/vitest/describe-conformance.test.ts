import { minimalClient } from '../self-test/minimal-client.ts';
import { describeConformance } from './index.ts';

// The integration on a correct client: these tests are the suite's own cases, one per id.
describeConformance(minimalClient({}, 'minimal-client', { retries: true }), {
  name: 'describeConformance on the minimal client',
  filters: ['C4', 'RevokeTokenSuccessEmptyObject', 'cancellation', 'retries'],
  seed: 7,
  runs: 5,
});
