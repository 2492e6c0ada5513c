// The client direction's subject as the CLI loads any client: the minimal client, no retries.
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';

export default minimalClient({}, 'minimal-client');
