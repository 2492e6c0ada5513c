/**
 * How much a failure weighs: `must` fails every run, `should` only a `--strict` one
 * (decisions/0004-levels-must-and-should.md).
 * @public
 */
export type Level = 'must' | 'should';

/**
 * Where a rule is judged: `client` rules judge what a client sends and surfaces, `server`
 * rules what a server answers.
 * @public
 */
export type Direction = 'client' | 'server';

/**
 * One rule of the suite, declared once: its id, the level a failure has, what it asks, where
 * the rule comes from and the file of the check that reports it. Cases (fixtures, properties,
 * probes) name rules by id in their tags; broken implementations under self-test name the
 * rule that must catch them.
 * @public
 */
export interface Rule {
  readonly id: string;
  readonly direction: Direction;
  /** Rules are grouped by area in reports and in the matrix. */
  readonly area: string;
  /**
   * `per case`: the level of the case it is judged in (a should-level fixture makes a
   * should-level failure); `informational`: reported, never counted.
   */
  readonly level: Level | 'per case' | 'informational';
  readonly title: string;
  /** The spec section, Smithy test id, model trait or observed behaviour the rule rests on. */
  readonly source: string;
  /** The module whose checks report the rule (repository path). */
  readonly checkFile: string;
}

/**
 * Every rule, client rules first, in checklist order. C1..C24 follow the client checklist of
 * the protocol research (C7, C25 and C26 are vocabulary tags judged through other rules:
 * C25 through A3); A1..A9 and F1 are the adapter contract's and the fixtures' own; S1..S15
 * follow the server checklist, S16 every answer's own request id, S17 every other operation's
 * output shape; P1 and P2 privacy; H1 and H2 the harness's reach; R1..R15 the revocation
 * semantics of a populated world (R8 re-checks after refusals, R9 the final sweep, R10 LINKED,
 * R11 rotation, R12 client defaults, R13 idempotent revoke, R14 the secret on refresh, R15
 * GetUser's user); U1..U3 behaviour nobody has verified.
 * @public
 */
export const RULES = [
  {
    id: 'C1',
    direction: 'client',
    area: 'request-line',
    level: 'must',
    title: 'sends RevokeToken as an HTTP POST',
    source: 'awsJson1_1 protocol behaviours; Smithy test sends_requests_to_slash',
    checkFile: 'conformance/checks/request-line.ts',
  },
  {
    id: 'C2',
    direction: 'client',
    area: 'request-line',
    level: 'must',
    title: "posts to the endpoint's path followed by / (/ for a bare host), with no query string",
    source: 'awsJson1_1 protocol behaviours; Smithy test AwsJson11HostWithPath',
    checkFile: 'conformance/checks/request-line.ts',
  },
  {
    id: 'C3',
    direction: 'client',
    area: 'request-headers',
    level: 'must',
    title: 'sends Content-Type: application/x-amz-json-1.1',
    source: 'aws-json-1_1-protocol.rst; Smithy test includes_x_amz_target_and_content_type',
    checkFile: 'conformance/checks/request-headers.ts',
  },
  {
    id: 'C4',
    direction: 'client',
    area: 'request-headers',
    level: 'must',
    title: 'sends X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken',
    source: 'awsJson1_1 headers table: service shape name + "." + operation name',
    checkFile: 'conformance/checks/request-headers.ts',
  },
  {
    id: 'C5',
    direction: 'client',
    area: 'request-headers',
    level: 'must',
    title: 'sends a Content-Length equal to the body size',
    source: 'awsJson1_1 headers table; Smithy kitchen-sink requireHeaders ["Content-Length"]',
    checkFile: 'conformance/checks/request-headers.ts',
  },
  {
    id: 'C6',
    direction: 'client',
    area: 'request-headers',
    level: 'must',
    title: 'sends the request unsigned (no SigV4 headers)',
    source: 'model: RevokeToken has @auth([]) and @optionalAuth; botocore authtype none',
    checkFile: 'conformance/checks/request-headers.ts',
  },
  {
    id: 'C8',
    direction: 'client',
    area: 'request-body',
    level: 'must',
    title: 'sends a JSON object whose members are exactly the input, under their model names',
    source: 'awsJson1_1 shape serialization; Smithy tests serializes_string_shapes, can_call_operation_with_optional_input',
    checkFile: 'conformance/checks/request-body.ts',
  },
  {
    id: 'C9',
    direction: 'client',
    area: 'request-body',
    level: 'must',
    title: 'leaves out members that were not set (no extra members, no nulls)',
    source: 'Smithy test AwsJson11StructuresDontSerializeNullValues',
    checkFile: 'conformance/checks/request-body.ts',
  },
  {
    id: 'C10',
    direction: 'client',
    area: 'request-body',
    level: 'must',
    title: 'sends {} (never an empty body) when no member is set',
    source: 'awsJson1_1 empty body serialization; Smithy test can_call_operation_with_no_input_or_output',
    checkFile: 'conformance/checks/request-body.ts',
  },
  {
    id: 'C11',
    direction: 'client',
    area: 'request-body',
    level: 'should',
    title: 'leaves constraint checking to the service (sends input that breaks @length/@pattern/@required)',
    source: 'Smithy constraint-traits: not enforced when serializing; input members are optional for clients',
    checkFile: 'conformance/checks/request-body.ts',
  },
  {
    id: 'C12',
    direction: 'client',
    area: 'outcome',
    level: 'per case',
    title: 'resolves on a 2xx answer, whatever the body ({}, empty, unknown or null members)',
    source: 'awsJson1_1 empty body serialization; Smithy tests handles_empty_output_shape, handles_unexpected_json_output',
    checkFile: 'conformance/checks/outcome.ts',
  },
  {
    id: 'C13',
    direction: 'client',
    area: 'outcome',
    level: 'per case',
    title: 'rejects on a non-2xx answer',
    source: 'SDK practice: js-v3 >= 300, botocore >= 301, smithy-rs non-2xx',
    checkFile: 'conformance/checks/outcome.ts',
  },
  {
    id: 'C14',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'finds the error code in X-Amzn-Errortype, then body code, then body __type; when they name different errors, the first in that order wins',
    source:
      'aws-json template, operation error serialization; Smithy tests AwsJson11FooErrorUsingXAmznErrorType, AwsJson11FooErrorUsingCode (its documentation: the header first, then code); smithy-rs json_errors.rs code_takes_priority. The order between disagreeing carriers is judged at should level (property error-code-precedence, fixtures/errors/precedence)',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C15',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'drops a :URI suffix and a namespace# prefix from the error code',
    source: 'aws-json template (sanitising); Smithy tests AwsJson11FooErrorUsingXAmznErrorTypeWithUri, AwsJson11FooErrorUsingCodeAndNamespace',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C16',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'matches the error on its shape name, whatever namespace precedes it',
    source: 'aws-json template (clients MUST accept either behaviour); Smithy test AwsJson11FooErrorWithDunderTypeAndDifferentNamespace; js-v3#8031',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C17',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'reads only the top-level __type, never a nested one',
    source: 'Smithy test AwsJson11FooErrorUsingDunderType (top level only)',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C18',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'never infers the error from the HTTP status code',
    source: 'aws-json template: the status code does not name the error',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C19',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'decodes an error that has only the X-Amzn-Errortype header (no body)',
    source: 'Smithy test AwsJson11FooErrorUsingXAmznErrorType',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C20',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'surfaces each modeled RevokeToken error under its shape name',
    source: 'model errors list; Smithy tests AwsJson11FooError*, AwsJson11InvalidGreetingError',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C21',
    direction: 'client',
    area: 'message-and-metadata',
    level: 'per case',
    title: 'surfaces the error message from message (or Message)',
    source: 'model member message; SDK practice: message ?? Message',
    checkFile: 'conformance/checks/outcome.ts',
  },
  {
    id: 'C22',
    direction: 'client',
    area: 'error-names',
    level: 'per case',
    title: 'surfaces an unknown error code as an error named by that code',
    source: 'SDK practice: js-v3 getErrorSchemaOrThrowBaseException, botocore ClientError',
    checkFile: 'conformance/checks/error-name.ts',
  },
  {
    id: 'C23',
    direction: 'client',
    area: 'message-and-metadata',
    level: 'per case',
    title: "rejects a non-JSON or empty error body promptly with the client's own error, without resolving, hanging or crashing",
    source: 'SDK practice: js-v3 deserialization error, botocore generic error for HTML 5xx',
    checkFile: 'conformance/checks/outcome.ts',
  },
  {
    id: 'C24',
    direction: 'client',
    area: 'message-and-metadata',
    level: 'should',
    title: 'reports the HTTP status and x-amzn-RequestId of an error where the client exposes metadata',
    source: 'Smithy test parses_the_request_id_from_the_response; js-v3 $metadata; botocore ResponseMetadata',
    checkFile: 'conformance/checks/outcome.ts',
  },
  {
    id: 'A1',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: 'sends exactly one request per call (more only where the adapter declares retries)',
    source: 'conformance contract: retries must be declared; a call must reach the service',
    checkFile: 'conformance/checks/adapter-behaviour.ts',
  },
  {
    id: 'A2',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: 'an aborted call rejects promptly and sends nothing more',
    source: 'conformance contract: capabilities.cancellation (AbortSignal; the .NET API takes a CancellationToken)',
    checkFile: 'conformance/checks/adapter-behaviour.ts',
  },
  {
    id: 'A3',
    direction: 'client',
    area: 'adapter',
    level: 'should',
    title: 'retries only throttling and transient errors, within the declared bound',
    source: 'smithy-typescript service-error-classification; semantics: SDK retry behaviour',
    checkFile: 'conformance/checks/adapter-behaviour.ts',
  },
  {
    id: 'A4',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: 'settles (resolves or rejects) once the service has answered',
    source: 'conformance contract: a call never hangs on an answer it got',
    checkFile: 'conformance/checks/adapter-behaviour.ts',
  },
  {
    id: 'A5',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: "ends with the client's own result or decoded error: no crash, exit or unhandled error, nothing left running",
    source: 'conformance contract: a bare TypeError, an exit or a leaked timer is a bug, not an answer (CONTRACT.md section 1)',
    checkFile: 'conformance/checks/adapter-behaviour.ts',
  },
  {
    id: 'A6',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: 'tries to reach no host but the suite (in-process clients: every other connection is refused and fails the case)',
    source: 'conformance contract: requests go to context.endpoint through the suite; nothing leaves the machine',
    checkFile: 'conformance/checks/network.ts',
  },
  {
    id: 'A7',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: 'sends every request to exactly the endpoint the call was given: its scheme, host, port and path',
    source: 'conformance contract: context.endpoint (CONTRACT.md section 1); Smithy test AwsJson11HostWithPath (endpoint-paths.smithy)',
    checkFile: 'conformance/checks/endpoint.ts',
  },
  {
    id: 'A8',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: 'leaves nothing once the call has settled: no request arrives after it, no timer is left on the clock, no listener on a signal that outlives it',
    source: 'conformance contract: a settled call is over (CONTRACT.md section 1); a late request is one its caller never hears of',
    checkFile: 'conformance/checks/after-settled.ts',
  },
  {
    id: 'A9',
    direction: 'client',
    area: 'adapter',
    level: 'must',
    title: "gives the caller's input back unchanged: no member added, removed or changed by the call",
    source: 'conformance contract: the caller owns its input object and may pass it again (CONTRACT.md section 1, rule 4)',
    checkFile: 'conformance/checks/caller-input.ts',
  },
  {
    id: 'F1',
    direction: 'client',
    area: 'fixture',
    level: 'per case',
    title: "matches the fixture's own request expectations",
    source: 'the fixture (Smithy httpRequestTests fields)',
    checkFile: 'conformance/checks/adapter-behaviour.ts',
  },
  {
    id: 'S1',
    direction: 'server',
    area: 'routing',
    level: 'per case',
    title: 'claims a request only when it is POST / with the awsJson 1.1 Content-Type (parameters allowed) and the RevokeToken target',
    source: 'aws-json.rst.template "Identification for claiming"; Smithy test AwsJson11MustSupportParametersInContentType',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S2',
    direction: 'server',
    area: 'routing',
    level: 'per case',
    title:
      'answers a request it does not claim with a framework error (UnknownOperationException 404, 405 for another method, UnsupportedMediaTypeException 415)',
    source: 'smithy#1368 maintainer comment; smithy-rs aws_json router; decisions/0003-reference-server.md',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S3',
    direction: 'server',
    area: 'request-body',
    level: 'per case',
    title: 'reads an empty body as {} and reports the missing members with a modeled error',
    source: 'aws-json.rst.template "Server implementations MUST also accept empty request bodies"',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S4',
    direction: 'server',
    area: 'request-body',
    level: 'per case',
    title: 'treats a null member as absent and ignores members the model does not have',
    source: 'Smithy test AwsJson11ServersDontDeserializeNullStructureValues; forward compatibility of @input structures',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S5',
    direction: 'server',
    area: 'request-body',
    level: 'per case',
    title: 'refuses a body that is not a UTF-8 JSON object with a 4xx (SerializationException or a modeled error), never a 2xx or 5xx',
    source: 'restJson1 RestJsonInvalidJsonBody and RestJsonTechnicallyValidJsonBody, adapted to awsJson',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S6',
    direction: 'server',
    area: 'constraints',
    level: 'per case',
    title: 'refuses a request that breaks a constraint of the model with a 4xx, never a 2xx or 5xx',
    source: 'constraint-traits.rst ("the server SHOULD enforce any defined constraint traits"); model traits',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S7',
    direction: 'server',
    area: 'constraints',
    level: 'should',
    title: 'reports a broken constraint with the modeled InvalidParameterException, so clients get a typed error',
    source: 'protocol research S7; Cognito sends InvalidParameterException for validation failures',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S8',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'answers success with 200, Content-Type application/x-amz-json-1.1 and a body valid against RevokeTokenResponse',
    source: 'aws-json.rst.template "Empty body serialization"; Smithy test parses_operations_with_empty_json_bodies',
    checkFile: 'conformance/server/checks/success-shape.ts',
  },
  {
    id: 'S9',
    direction: 'server',
    area: 'responses',
    level: 'should',
    title: 'never sends a null member',
    source: 'Smithy test AwsJson11ServersDontSerializeNullStructureValues',
    checkFile: 'conformance/server/checks/success-shape.ts',
  },
  {
    id: 'S10',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'sends an error with Content-Type application/x-amz-json-1.1 and a JSON body whose top-level __type names an error RevokeToken declares',
    source: 'aws-json.rst.template "Operation error serialization"; error-rename.rst.template; model errors list',
    checkFile: 'conformance/server/checks/error-shape.ts',
  },
  {
    id: 'S11',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'an X-Amzn-Errortype header or a code member, when sent, names the same error as __type',
    source: 'aws-json.rst.template; clients read the header first (AwsJson11FooErrorUsingCode documentation)',
    checkFile: 'conformance/server/checks/error-shape.ts',
  },
  {
    id: 'S12',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'uses a 4xx status for a client-fault error and a 5xx for a server fault, the modeled @httpError exactly at should level',
    source: 'model @error and @httpError; http-bindings.rst default status codes',
    checkFile: 'conformance/server/checks/error-shape.ts',
  },
  {
    id: 'S13',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'never answers with an HTML page, a stack trace or a file path',
    source: 'protocol research S13 (internal failures become InternalErrorException); OWASP error handling',
    checkFile: 'conformance/server/checks/leaks.ts',
  },
  {
    id: 'S14',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'sends a request id (x-amzn-RequestId) on every response',
    source: 'Smithy test parses_the_request_id_from_the_response; every AWS SDK reads it',
    checkFile: 'conformance/server/checks/request-id.ts',
  },
  {
    id: 'S15',
    direction: 'server',
    area: 'auth',
    level: 'per case',
    title: 'accepts RevokeToken both unsigned and SigV4-signed (the signature is neither required nor checked)',
    source: 'model: @auth([]) and @optionalAuth on RevokeToken; botocore authtype none',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'S16',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title: 'gives every answer, of every operation, a request id no earlier answer of the run had',
    source: 'documented: x-amzn-RequestId is "a unique identifier for the request" (AWS common response headers); clients and support match failures by it',
    checkFile: 'conformance/server/checks/every-answer.ts',
  },
  {
    id: 'S17',
    direction: 'server',
    area: 'responses',
    level: 'must',
    title:
      "answers a success of every other operation the run calls with the awsJson 1.1 Content-Type, a JSON object and the documented output members (tokens with ExpiresIn and TokenType Bearer, GetUser's Username and UserAttributes, created ids)",
    source:
      'documented: the Cognito API reference outputs of InitiateAuth, GetTokensFromRefreshToken, GetUser, CreateUserPool and CreateUserPoolClient; awsJson 1.1 responses',
    checkFile: 'conformance/server/checks/every-answer.ts',
  },
  {
    id: 'P1',
    direction: 'server',
    area: 'privacy',
    level: 'must',
    title: 'never echoes a sensitive input value (Token, ClientId, ClientSecret) in a response',
    source: 'model: @sensitive on TokenModelType, ClientIdType and ClientSecretType',
    checkFile: 'conformance/server/checks/leaks.ts',
  },
  {
    id: 'P2',
    direction: 'server',
    area: 'privacy',
    level: 'must',
    title: 'no answer of any operation carries a token, client secret or password the run already knew (body or header)',
    source:
      'documented: @sensitive on tokens, secrets and passwords in the Cognito model; refresh tokens "can only be read by your user pool" (developer guide)',
    checkFile: 'conformance/server/checks/every-answer.ts',
  },
  {
    id: 'H1',
    direction: 'server',
    area: 'harness',
    level: 'must',
    title: 'answers every request within the time limit, without dropping the connection',
    source: 'harness: a server that hangs fails the case, and the run goes on',
    checkFile: 'conformance/server/checks/answered.ts',
  },
  {
    id: 'H2',
    direction: 'server',
    area: 'harness',
    level: 'must',
    title: 'completes the setup calls a case needs (user pool, app clients, user, sign-in)',
    source: 'harness: CreateUserPool, CreateUserPoolClient, AdminCreateUser, AdminSetUserPassword, InitiateAuth',
    checkFile: 'conformance/server/run/case-runner.ts',
  },
  {
    id: 'R1',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'revokes a live refresh token when the app client that obtained it asks',
    source: 'RevokeToken API reference; developer guide "Ending user sessions with token revocation"',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R2',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'refuses a revoked refresh token in REFRESH_TOKEN_AUTH with NotAuthorizedException',
    source: 'developer guide (token revocation); observed "Refresh Token has been revoked" (aws-amplify/amplify-swift#3344)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R3',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: "refuses every access token minted from a revoked refresh token, the first sign-in's included, with NotAuthorizedException",
    source: 'developer guide: "RevokeToken revokes all access tokens for a given refresh token, including the initial access token"',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R4',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'leaves every other session working, and a session whose revocation was refused',
    source: 'developer guide: revocation "doesn\'t affect any of the user\'s other refresh tokens"',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R5',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'refuses an access or ID token as Token with UnsupportedTokenTypeException',
    source: 'model documentation of UnsupportedTokenTypeException; /oauth2/revoke unsupported_token_type',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R6',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'refuses revocation for an app client created with EnableTokenRevocation false with UnsupportedOperationException',
    source: 'model documentation of UnsupportedOperationException; developer guide (token revocation must be enabled)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R7',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'refuses a missing or wrong ClientSecret for an app client with a secret with UnauthorizedException',
    source: 'model documentation of UnauthorizedException; /oauth2/revoke invalid_client',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R8',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'a refused request, or a revoke by another app client, leaves every session it touched working (access token and refresh token)',
    source:
      'documented: "Refresh tokens must be revoked using the same client ID that was used to obtain the token" (developer guide, token revocation); an error answer changes nothing (RFC 7009 section 2.2)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R9',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'at the end of a sequence every token the run revoked is still refused and every token it kept still works, for every user and session',
    source:
      'documented: "When you disable token revocation ... revoked tokens don\'t become active again" and revocation "doesn\'t affect any of the user\'s other refresh tokens" (developer guide, token revocation)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R10',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: "RevokeAssociatedSessions LINKED ends the token's session and no other token session of the user",
    source:
      'documented: RevokeAssociatedSessions in @aws-sdk/client-cognito-identity-provider 3.1169.0 ("the other token sessions that came through that SSO session aren\'t revoked"; no effect without a parent SSO session)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R11',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title:
      'refresh-token rotation: GetTokensFromRefreshToken hands out a new refresh token exactly when rotation is on, the rotated-out one works only within RetryGracePeriodSeconds, and REFRESH_TOKEN_AUTH is refused where rotation is on',
    source:
      'documented: API_RefreshTokenRotationType and API_GetTokensFromRefreshToken (grace period 0 to 60 s); observed: REFRESH_TOKEN_AUTH stops working with rotation on (aws-amplify/amplify-js#14427, #14396)',
    checkFile: 'conformance/server/checks/refresh-answer.ts',
  },
  {
    id: 'R12',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title:
      'an app client created with its optional members left out has the documented defaults: no secret, token revocation on, the flows ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH only',
    source:
      'documented: CreateUserPoolClient reference (EnableTokenRevocation "automatically activated" when left out; the default ExplicitAuthFlows; GenerateSecret)',
    checkFile: 'conformance/server/checks/every-answer.ts',
  },
  {
    id: 'R13',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'answers a second revoke of the same refresh token with a success, as the first (idempotent revoke)',
    source:
      'observed: the AWS CLI run twice on the same token answers 200 both times (re:Post QUdFF3wyKwQJihVuuKdBbviQ, semantics research section 8); retries of a revoke whose answer was lost depend on it (aws-sdk-ios#3638)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R14',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title:
      'refuses a sign-in or a refresh on an app client with a secret when the proof is wrong or missing (SECRET_HASH for InitiateAuth and AdminInitiateAuth, ClientSecret for GetTokensFromRefreshToken)',
    source:
      'documented: InitiateAuth AuthParameters (SECRET_HASH is required when the app client has a secret) and GetTokensFromRefreshToken ClientSecret (required when the app client has one), Cognito API reference',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R15',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title: 'GetUser answers the user the access token belongs to, never another user of the pool',
    source: 'documented: GetUser "gets user attributes and metadata for a user" identified by the access token (Cognito API reference)',
    checkFile: 'conformance/server/checks/user-identity.ts',
  },
  {
    id: 'R16',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title:
      'GetUser accepts only an access token the pool issued: an ID token, a refresh token or an access token with its signature altered is refused with NotAuthorizedException',
    source:
      'documented: GetUser takes "a non-expired access token" (Cognito API reference, GetUser AccessToken); observed: "Invalid Access Token" for a token that is not one (awslabs/aws-amplify-identity-broker#538); cognito-local only decodes it (jagregory/cognito-local src/targets/getUser.ts)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R17',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title:
      'refuses a refresh token it never issued, one almost like a live one included, with NotAuthorizedException ("Invalid Refresh Token." at should level), and never as revoked',
    source:
      'observed: NotAuthorizedException "Invalid Refresh Token." for an unknown refresh token (aws/aws-sdk-cpp#1789, aws/aws-sdk-java-v2#3418); moto answers "Refresh Token has been revoked" instead (getmoto/moto moto/cognitoidp/models.py)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'R18',
    direction: 'server',
    area: 'semantics',
    level: 'per case',
    title:
      "GlobalSignOut ends every session of the user on every app client (refresh tokens refused, access tokens refused as revoked) and no other user's; a revoked access token is refused with NotAuthorizedException",
    source:
      'documented: API_GlobalSignOut ("Invalidates the identity, access, and refresh tokens that Amazon Cognito issued to a user"; "Access Token has been revoked" for a revoked access token); observed: "Access Token has been revoked" on GetUser after GlobalSignOut (aws-amplify/amplify-js#3435)',
    checkFile: 'conformance/server/checks/outcome.ts',
  },
  {
    id: 'U1',
    direction: 'server',
    area: 'unverified',
    level: 'informational',
    title: 'second revoke of the same refresh token, against the configured outcome (informational only)',
    source: 'semantics research 2.5: not documented; observed 200 {} in 2026 (section 8), which R13 judges',
    checkFile: 'conformance/server/semantics/commands.ts',
  },
  {
    id: 'U2',
    direction: 'server',
    area: 'unverified',
    level: 'informational',
    title: 'a well-formed token the server never issued (unverified: informational only)',
    source: 'semantics research 2.6: no public report; RFC 7009 section 2.2 suggests success',
    checkFile: 'conformance/server/semantics/commands.ts',
  },
  {
    id: 'U3',
    direction: 'server',
    area: 'unverified',
    level: 'informational',
    title: 'a refresh token issued to another app client (unverified: informational only)',
    source: 'semantics research 2.7: the docs require the same client id but name no error',
    checkFile: 'conformance/server/semantics/commands.ts',
  },
] as const satisfies readonly Rule[];

/** The id of a declared rule. @public */
export type RuleId = (typeof RULES)[number]['id'];

/** A server rule's id. @internal */
export type ServerRuleId = Extract<(typeof RULES)[number], { direction: 'server' }>['id'];

/** A client rule's id. @internal */
export type ClientRuleId = Extract<(typeof RULES)[number], { direction: 'client' }>['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** True for the id of a declared rule. @public */
export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

/** The rule with this id; throws for an id nobody declared (a bug in the suite). @public */
export function ruleById(id: string): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`no rule ${id} is declared in conformance/rules/registry.ts`);
  return rule;
}

/** The rules of one direction, in registry order. @public */
export function rulesOf(direction: Direction): Rule[] {
  return RULES.filter((rule) => rule.direction === direction);
}
