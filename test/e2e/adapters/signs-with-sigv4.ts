// A client built against the model before 2023-08: it signs RevokeToken (rule C6).
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';

export default minimalClient({ sign: true }, 'signs-with-sigv4');
