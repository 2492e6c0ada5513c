// The same client declaring retries, so the retries property (A3) applies to it too.
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';

export default minimalClient({}, 'minimal-client with retries', { retries: true });
