import { CognitoIdentityProviderClient, RevokeTokenCommand } from '../../generated/client/index.ts';
import { smithyClientAdapter } from './support/smithy-client-adapter.ts';

/**
 * The client that smithy-typescript-codegen generates from our own model (generated/client).
 * It must behave like the official v3 client: where it does not, our model is wrong.
 */
export default smithyClientAdapter('smithy-generated (generated/client from model/)', {
  Client: CognitoIdentityProviderClient as never,
  RevokeTokenCommand: RevokeTokenCommand as never,
});
