import { revokeToken } from './fetch-client.mjs';

// Sends the operation name in the wrong case: rule C4 must fail the run.
export default {
  name: 'fetch client with a misspelt target',
  revokeToken: (input, context) => revokeToken(input, { ...context, target: 'AWSCognitoIdentityProviderService.revokeToken' }),
};
