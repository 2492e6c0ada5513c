import { revokeToken } from './fetch-client.mjs';

// A bug in the user's own code: reads a member of an error body that may be null.
function codeOf(error) {
  return error.body.code;
}

export default {
  name: 'fetch client that crashes on an error',
  revokeToken: async (input, context) => {
    try {
      return await revokeToken(input, context);
    } catch (error) {
      throw new Error(codeOf(error));
    }
  },
};
