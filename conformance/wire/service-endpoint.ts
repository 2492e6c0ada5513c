/** The regional endpoint a real client would call; msw intercepts it, nothing leaves the machine. */
export function regionalEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/** Any Cognito user-pools endpoint, in any region (what the harness's msw handler matches). */
export const ANY_REGIONAL_ENDPOINT = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\/.*)?$/;
