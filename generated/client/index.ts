// smithy-typescript generated code
/* eslint-disable */
/**
 * The Cognito user pools API. This model keeps only the RevokeToken operation and
 * the shapes it reaches.
 *
 * @packageDocumentation
 */
export * from "./CognitoIdentityProviderClient.ts";
export * from "./CognitoIdentityProvider.ts";
export type { ClientInputEndpointParameters } from "./endpoint/EndpointParameters.ts";
export type { RuntimeExtension } from "./runtimeExtensions.ts";
export type { CognitoIdentityProviderExtensionConfiguration } from "./extensionConfiguration.ts";
export * from "./commands/index.ts";
export * from "./schemas/schemas_0.ts";

export * from "./models/enums.ts";
export * from "./models/errors.ts";
export * from "./models/models_0.ts";

export { CognitoIdentityProviderServiceException } from "./models/CognitoIdentityProviderServiceException.ts";
