/**
 * A rule the server suite judges, numbered after the server checklist of the protocol
 * research (S1..S15), plus the suite's own: P1 (privacy), H1 and H2 (the harness could talk
 * to the server), R1..R7 (revocation semantics) and U1..U3 (behaviour nobody has verified,
 * reported but never failed).
 * @internal
 */
export interface ServerRule {
  readonly title: string;
  readonly source: string;
}

/** @internal */
export const SERVER_RULES = {
  S1: {
    title: 'claims a request only when it is POST / with the awsJson 1.1 Content-Type (parameters allowed) and the RevokeToken target',
    source: 'aws-json.rst.template "Identification for claiming"; Smithy test AwsJson11MustSupportParametersInContentType',
  },
  S2: {
    title: 'answers a request it does not claim with a framework error (UnknownOperationException 404, 405 for another method, UnsupportedMediaTypeException 415)',
    source: 'smithy#1368 maintainer comment; smithy-rs aws_json router; decisions/0003-reference-server.md',
  },
  S3: {
    title: 'reads an empty body as {} and reports the missing members with a modeled error',
    source: 'aws-json.rst.template "Server implementations MUST also accept empty request bodies"',
  },
  S4: {
    title: 'treats a null member as absent and ignores members the model does not have',
    source: 'Smithy test AwsJson11ServersDontDeserializeNullStructureValues; forward compatibility of @input structures',
  },
  S5: {
    title: 'refuses a body that is not a UTF-8 JSON object with a 4xx (SerializationException or a modeled error), never a 2xx or 5xx',
    source: 'restJson1 RestJsonInvalidJsonBody and RestJsonTechnicallyValidJsonBody, adapted to awsJson',
  },
  S6: {
    title: 'refuses a request that breaks a constraint of the model with a 4xx, never a 2xx or 5xx',
    source: 'constraint-traits.rst ("the server SHOULD enforce any defined constraint traits"); model traits',
  },
  S7: {
    title: 'reports a broken constraint with the modeled InvalidParameterException, so clients get a typed error',
    source: 'protocol research S7; Cognito sends InvalidParameterException for validation failures',
  },
  S8: {
    title: 'answers success with 200, Content-Type application/x-amz-json-1.1 and a body valid against RevokeTokenResponse',
    source: 'aws-json.rst.template "Empty body serialization"; Smithy test parses_operations_with_empty_json_bodies',
  },
  S9: {
    title: 'never sends a null member',
    source: 'Smithy test AwsJson11ServersDontSerializeNullStructureValues',
  },
  S10: {
    title: 'sends an error with Content-Type application/x-amz-json-1.1 and a JSON body whose top-level __type names an error RevokeToken declares',
    source: 'aws-json.rst.template "Operation error serialization"; error-rename.rst.template; model errors list',
  },
  S11: {
    title: 'an X-Amzn-Errortype header or a code member, when sent, names the same error as __type',
    source: 'aws-json.rst.template; clients read the header first (AwsJson11FooErrorUsingCode documentation)',
  },
  S12: {
    title: 'uses a 4xx status for a client-fault error and a 5xx for a server fault, the modeled @httpError exactly at should level',
    source: 'model @error and @httpError; http-bindings.rst default status codes',
  },
  S13: {
    title: 'never answers with an HTML page, a stack trace or a file path',
    source: 'protocol research S13 (internal failures become InternalErrorException); OWASP error handling',
  },
  S14: {
    title: 'sends a request id (x-amzn-RequestId) on every response',
    source: 'Smithy test parses_the_request_id_from_the_response; every AWS SDK reads it',
  },
  S15: {
    title: 'accepts RevokeToken both unsigned and SigV4-signed (the signature is neither required nor checked)',
    source: 'model: @auth([]) and @optionalAuth on RevokeToken; botocore authtype none',
  },
  P1: {
    title: 'never echoes a sensitive input value (Token, ClientId, ClientSecret) in a response',
    source: 'model: @sensitive on TokenModelType, ClientIdType and ClientSecretType',
  },
  H1: {
    title: 'answers every request within the time limit, without dropping the connection',
    source: 'harness: a server that hangs fails the case, and the run goes on',
  },
  H2: {
    title: 'completes the setup calls a case needs (user pool, app clients, user, sign-in)',
    source: 'harness: CreateUserPool, CreateUserPoolClient, AdminCreateUser, AdminSetUserPassword, InitiateAuth',
  },
  R1: {
    title: 'revokes a live refresh token when the app client that obtained it asks',
    source: 'RevokeToken API reference; developer guide "Ending user sessions with token revocation"',
  },
  R2: {
    title: 'refuses a revoked refresh token in REFRESH_TOKEN_AUTH with NotAuthorizedException',
    source: 'developer guide (token revocation); observed "Refresh Token has been revoked" (aws-amplify/amplify-swift#3344)',
  },
  R3: {
    title: 'refuses every access token minted from a revoked refresh token, the first sign-in\'s included, with NotAuthorizedException',
    source: 'developer guide: "RevokeToken revokes all access tokens for a given refresh token, including the initial access token"',
  },
  R4: {
    title: 'leaves every other session working, and a session whose revocation was refused',
    source: 'developer guide: revocation "doesn\'t affect any of the user\'s other refresh tokens"',
  },
  R5: {
    title: 'refuses an access or ID token as Token with UnsupportedTokenTypeException',
    source: 'model documentation of UnsupportedTokenTypeException; /oauth2/revoke unsupported_token_type',
  },
  R6: {
    title: 'refuses revocation for an app client created with EnableTokenRevocation false with UnsupportedOperationException',
    source: 'model documentation of UnsupportedOperationException; developer guide (token revocation must be enabled)',
  },
  R7: {
    title: 'refuses a missing or wrong ClientSecret for an app client with a secret with UnauthorizedException',
    source: 'model documentation of UnauthorizedException; /oauth2/revoke invalid_client',
  },
  U1: {
    title: 'second revoke of the same refresh token (unverified: informational only)',
    source: 'semantics research 2.5: no source documents it; RFC 7009 section 2.2 suggests success',
  },
  U2: {
    title: 'a well-formed token the server never issued (unverified: informational only)',
    source: 'semantics research 2.6: no public report; RFC 7009 section 2.2 suggests success',
  },
  U3: {
    title: 'a refresh token issued to another app client (unverified: informational only)',
    source: 'semantics research 2.7: the docs require the same client id but name no error',
  },
} as const satisfies Record<string, ServerRule>;

/** @internal */
export type ServerRuleId = keyof typeof SERVER_RULES;

/** @internal */
export function ruleTitle(id: ServerRuleId): string {
  return SERVER_RULES[id].title;
}
