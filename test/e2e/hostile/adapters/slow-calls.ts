// A correct client that takes 400 ms of real time per call, so a short --run-timeout runs out.
import { minimalClient } from '../../../../conformance/self-test/minimal-client.ts';

const client = minimalClient({}, 'slow client');
const realSetTimeout = globalThis.setTimeout;
export default {
  ...client,
  revokeToken: async (...args: Parameters<typeof client.revokeToken>) => {
    await new Promise((resolve) => realSetTimeout(resolve, 400));
    return client.revokeToken(...args);
  },
};
