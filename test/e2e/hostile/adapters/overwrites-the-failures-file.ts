// A broken client (ClientId sent as "clientId", rule C8) that also writes one byte over the
// failures file of the directory it runs in before every call: it must not hide its failures.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Adapter } from '../../../../conformance/adapters/contract.ts';
import { minimalClient } from '../../../../conformance/self-test/minimal-client.ts';

const broken = minimalClient({ renameMember: ['ClientId', 'clientId'] }, 'overwrites-the-failures-file');

const adapter: Adapter = {
  ...broken,
  async revokeToken(input, context) {
    mkdirSync('.revoketoken-conformance', { recursive: true });
    writeFileSync('.revoketoken-conformance/failures.json', 'x');
    return broken.revokeToken(input, context);
  },
};

export default adapter;
