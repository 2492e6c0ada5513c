// The example client with one fault real clients ship: the operation name in X-Amz-Target in
// lower camel case. Every case fails C4, and each failure names the rule, what was expected,
// what the client sent and how to run that case again.
import { describeConformance } from 'revoketoken-conformance/vitest';
import myAdapter from '../my-adapter.mjs';

const lowercasedTarget: typeof myAdapter = {
  ...myAdapter,
  name: 'my fetch client, operation lowercased',
  revokeToken: (input, context) => {
    const fetchWithFault: typeof fetch = (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('X-Amz-Target', 'AWSCognitoIdentityProviderService.revokeToken');
      return (context.fetch ?? fetch)(url, { ...init, headers });
    };
    return myAdapter.revokeToken(input, { ...context, fetch: fetchWithFault });
  },
};

describeConformance(lowercasedTarget, { filters: ['RevokeTokenSuccessEmptyObject'] });
