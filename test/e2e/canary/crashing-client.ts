// A deliberately broken in-process client whose error has a throwing getter: reading the
// error's name throws an error that prints the canary as Token=… ClientId=….
import type { Adapter } from '../../../conformance/adapters/contract.ts';
import { CANARY } from './canary.ts';

const adapter: Adapter = {
  name: 'canary-crashing-client',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true },
  async revokeToken() {
    const error = new Error('about to crash');
    Object.defineProperty(error, 'name', {
      get() {
        throw new Error(`crashed with Token=${CANARY.Token} ClientId=${CANARY.ClientId} ClientSecret: ${CANARY.ClientSecret}`);
      },
    });
    throw error;
  },
};
export default adapter;
