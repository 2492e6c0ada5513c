// A deliberately careless in-process client that prints what it was given: run from a module it
// is in the sandbox, whose console output and stderr reach the harness's stderr only redacted.
import type { Adapter } from '../../../conformance/adapters/contract.ts';
import { CANARY } from './canary.ts';

const adapter: Adapter = {
  name: 'canary-console-logging-client',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true },
  async revokeToken(input) {
    console.log(`console: revoking ${input.Token} for ${input.ClientId}`);
    process.stdout.write(`stdout: secret ${input.ClientSecret ?? 'none'}\n`);
    process.stderr.write(`stderr: Token=${CANARY.Token} ClientId=${CANARY.ClientId}\n`);
    return { $metadata: { httpStatusCode: 200 } };
  },
};
export default adapter;
