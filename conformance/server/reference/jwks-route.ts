// Cognito publishes each user pool's token-signing keys at
// https://cognito-idp.<region>.amazonaws.com/<user pool id>/.well-known/jwks.json, on the
// same host as the API; the reference server does the same, so a resource server can be
// pointed at it.

const JWKS_PATH = /^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/jwks\.json$/;

/** The user pool id a GET for a JWKS names, or undefined for any other request. @internal */
export function jwksPoolId(request: Request): string | undefined {
  if (request.method !== 'GET') return undefined;
  return JWKS_PATH.exec(new URL(request.url).pathname)?.[1];
}

/** The JWKS document, as plain JSON (not awsJson: it is not an API operation). @internal */
export function jwksResponse(jwks: object): Response {
  return new Response(JSON.stringify(jwks), { status: 200, headers: { 'Content-Type': 'application/json' } });
}
