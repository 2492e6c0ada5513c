// smithy-typescript generated code
import { createAggregatedClient } from "@smithy/smithy-client";
import type { HttpHandlerOptions as __HttpHandlerOptions } from "@smithy/types";

import { CognitoIdentityProviderClient } from "./CognitoIdentityProviderClient.ts";
import {
  type RevokeTokenCommandInput,
  type RevokeTokenCommandOutput,
  RevokeTokenCommand,
} from "./commands/RevokeTokenCommand.ts";

const commands = {
  RevokeTokenCommand,
};

export interface CognitoIdentityProvider {
  /**
   * @see {@link RevokeTokenCommand}
   */
  revokeToken(
    args: RevokeTokenCommandInput,
    options?: __HttpHandlerOptions
  ): Promise<RevokeTokenCommandOutput>;
  revokeToken(
    args: RevokeTokenCommandInput,
    cb: (err: any, data?: RevokeTokenCommandOutput) => void
  ): void;
  revokeToken(
    args: RevokeTokenCommandInput,
    options: __HttpHandlerOptions,
    cb: (err: any, data?: RevokeTokenCommandOutput) => void
  ): void;
}

/**
 * The Cognito user pools API. This model keeps only the RevokeToken operation and
 * the shapes it reaches.
 * @public
 */
export class CognitoIdentityProvider extends CognitoIdentityProviderClient implements CognitoIdentityProvider {}
createAggregatedClient(commands, CognitoIdentityProvider);
