import { revokeToken } from './fetch-client.mjs';

export default {
  name: 'fetch client',
  revokeToken: (input, context) => revokeToken(input, context),
};
