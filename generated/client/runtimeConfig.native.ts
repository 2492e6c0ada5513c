// smithy-typescript generated code
import { Sha256 } from "@aws-crypto/sha256-js";

import type { CognitoIdentityProviderClientConfig } from "./CognitoIdentityProviderClient.ts";
import { getRuntimeConfig as getBrowserRuntimeConfig } from "./runtimeConfig.browser.ts";

/**
 * @internal
 */
export const getRuntimeConfig = (config: CognitoIdentityProviderClientConfig) => {
  const browserDefaults = getBrowserRuntimeConfig(config);
  return {
    ...browserDefaults,
    ...config,
    runtime: "react-native",
    sha256: config?.sha256 ?? Sha256,
  };
};
