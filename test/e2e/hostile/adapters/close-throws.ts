// A correct client whose close() throws after the last case.
import { minimalClient } from '../../../../conformance/self-test/minimal-client.ts';

const client = minimalClient({}, 'client whose close throws');
export default {
  ...client,
  close: async () => {
    throw new Error('close exploded');
  },
};
