// smithy-typescript generated code
import { getEndpointPlugin } from "@smithy/middleware-endpoint";
import { Command as $Command } from "@smithy/smithy-client";
import type { MetadataBearer as __MetadataBearer } from "@smithy/types";

import type {
  CognitoIdentityProviderClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes,
} from "../CognitoIdentityProviderClient.ts";
import { commonParams } from "../endpoint/EndpointParameters.ts";
import type { RevokeTokenRequest, RevokeTokenResponse } from "../models/models_0.ts";
import { RevokeToken$ } from "../schemas/schemas_0.ts";

/**
 * @public
 */
export type { __MetadataBearer };
export { $Command };
/**
 * @public
 *
 * The input for {@link RevokeTokenCommand}.
 */
export interface RevokeTokenCommandInput extends RevokeTokenRequest {}
/**
 * @public
 *
 * The output of {@link RevokeTokenCommand}.
 */
export interface RevokeTokenCommandOutput extends RevokeTokenResponse, __MetadataBearer {}

/**
 * Ends one session: the given refresh token stops working, and so does every access and
 * ID token that was minted from it. The user's other sessions are unaffected. The call is
 * made without AWS credentials; the service checks the refresh token and the app client
 * (and its secret, when the client has one) instead of an IAM signature.
 * @example
 * Use a bare-bones client and the command you need to make an API call.
 * ```javascript
 * import { CognitoIdentityProviderClient, RevokeTokenCommand } from "@revoketoken/generated-cognito-client"; // ES Modules import
 * // const { CognitoIdentityProviderClient, RevokeTokenCommand } = require("@revoketoken/generated-cognito-client"); // CommonJS import
 * // import type { CognitoIdentityProviderClientConfig } from "@revoketoken/generated-cognito-client";
 * const config = {}; // type is CognitoIdentityProviderClientConfig
 * const client = new CognitoIdentityProviderClient(config);
 * const input = { // RevokeTokenRequest
 *   Token: "STRING_VALUE", // required
 *   ClientId: "STRING_VALUE", // required
 *   ClientSecret: "STRING_VALUE",
 *   RevokeAssociatedSessions: "LINKED" || "NONE",
 * };
 * const command = new RevokeTokenCommand(input);
 * const response = await client.send(command);
 * // {};
 *
 * ```
 *
 * @param RevokeTokenCommandInput - {@link RevokeTokenCommandInput}
 * @returns {@link RevokeTokenCommandOutput}
 * @see {@link RevokeTokenCommandInput} for command's `input` shape.
 * @see {@link RevokeTokenCommandOutput} for command's `response` shape.
 * @see {@link CognitoIdentityProviderClientResolvedConfig | config} for CognitoIdentityProviderClient's `config` shape.
 *
 * @throws {@link ForbiddenException} (client fault)
 *  A web ACL in AWS WAF that guards the user pool blocked the request.
 *
 * @throws {@link InternalErrorException} (server fault)
 *  Cognito failed while handling the request; the request itself may have been fine.
 *
 * @throws {@link InvalidParameterException} (client fault)
 *  A request member broke a constraint, or the service rejected one of its values.
 *
 * @throws {@link OperationNotEnabledException} (client fault)
 *  The operation cannot run here: for example in a secondary replica region of a
 * multi-region user pool, or under the pool's present configuration.
 *
 * @throws {@link TooManyRequestsException} (client fault)
 *  The caller went over a request-rate quota for this operation.
 *
 * @throws {@link UnauthorizedException} (client fault)
 *  The caller could not be authenticated as the app client, for example because the
 * client secret was wrong or missing.
 *
 * @throws {@link UnsupportedOperationException} (client fault)
 *  The app client does not allow this operation; for RevokeToken, token revocation is
 * switched off for the client.
 *
 * @throws {@link UnsupportedTokenTypeException} (client fault)
 *  The token is of a kind this operation does not take, such as an access or ID token
 * where a refresh token was expected.
 *
 * @throws {@link CognitoIdentityProviderServiceException}
 * <p>Base exception class for all service exceptions from CognitoIdentityProvider service.</p>
 *
 *
 * @public
 */
export class RevokeTokenCommand extends $Command
  .classBuilder<
    RevokeTokenCommandInput,
    RevokeTokenCommandOutput,
    CognitoIdentityProviderClientResolvedConfig,
    ServiceInputTypes,
    ServiceOutputTypes
  >()
  .ep(commonParams)
  .m(function (this: any, Command: any, cs: any, config: CognitoIdentityProviderClientResolvedConfig, o: any) {
    return [getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
  })
  .s("AWSCognitoIdentityProviderService", "RevokeToken", {})
  .n("CognitoIdentityProviderClient", "RevokeTokenCommand")
  .sc(RevokeToken$)
  .build() {
  /** @internal type navigation helper, not in runtime. */
  protected declare static __types: {
    api: {
      input: RevokeTokenRequest;
      output: {};
    };
    sdk: {
      input: RevokeTokenCommandInput;
      output: RevokeTokenCommandOutput;
    };
  };
}
