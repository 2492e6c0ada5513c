import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { smithyClientAdapter } from './support/smithy-client-adapter.ts';

/** The AWS SDK for JavaScript v3 client (the default client under test). */
export default smithyClientAdapter('aws-sdk-v3 (@aws-sdk/client-cognito-identity-provider)', {
  Client: CognitoIdentityProviderClient as never,
  RevokeTokenCommand: RevokeTokenCommand as never,
});
