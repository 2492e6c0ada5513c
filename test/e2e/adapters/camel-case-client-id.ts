// A broken client for the CLI specs: it sends ClientId as "clientId" (rule C8).
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';

export default minimalClient({ renameMember: ['ClientId', 'clientId'] }, 'camel-case-client-id');
