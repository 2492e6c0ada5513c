// Servers with one fault each: the reference service behind a small wrapper. They prove that
// every server rule can fail, the way conformance/self-test/mutants.ts does for client rules:
// test/e2e/server-suite-catches-broken-servers.spec.ts requires one for every rule but the
// informational U1..U3. A wrapper cannot reach the reference's state, so the semantic faults
// are built from what crosses the wire (tokens, secrets and sessions the wrapper saw go by).
import { AWS_JSON_1_1_CONTENT_TYPE, HEADER, operationOfTarget } from '../protocol/aws-json.ts';
import { secretHash } from '../protocol/secret-hash.ts';
import type { ReferenceService } from '../server/reference/index.ts';
import type { FetchHandle } from '../wire/loopback-server.ts';

/** @internal */
export interface BrokenServer {
  name: string;
  /** What is wrong with it, in the terms of the bug it imitates. */
  fault: string;
  /** The rule that must catch it. */
  rule: string;
  /** The cases that show the fault (ids for --filter). */
  cases: readonly string[];
  /** The rule is judged at should level there, so only a --strict run fails on it. */
  strict?: boolean;
  wrap(service: ReferenceService): FetchHandle;
}

// The helpers below are shared with the server fault catalogue
// (conformance/self-test/server-fault-catalogue/), whose faults are built the same way.
/** @internal */
export function operationOf(request: Request): string | undefined {
  return operationOfTarget(request.headers.get(HEADER.target));
}

/** @internal */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await request.clone().text());
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** @internal */
export function awsJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, 'x-amzn-requestid': crypto.randomUUID(), ...headers },
  });
}

/** The answer with its body rewritten as JSON (and its status, if given), headers kept. @internal */
export async function rewriteBody(
  response: Response,
  change: (body: Record<string, unknown>) => Record<string, unknown>,
  status = response.status,
): Promise<Response> {
  const body = change(JSON.parse(await response.text()) as Record<string, unknown>);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (typeof body['__type'] === 'string') headers.set('x-amzn-errortype', `${body['__type']}:`);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The request with another JSON body, everything else kept. @internal */
export function withBody(request: Request, body: Record<string, unknown>): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(body) });
}

/** The error a reference answer carries, read from a copy so the answer stays unread. @internal */
export async function errorTypeOf(response: Response): Promise<string | undefined> {
  if (response.status < 400) return undefined;
  try {
    const type = (JSON.parse(await response.clone().text()) as Record<string, unknown>)['__type'];
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON object of a success, read from a copy. @internal */
export async function outputOf(response: Response): Promise<Record<string, unknown> | undefined> {
  if (response.status >= 300) return undefined;
  try {
    const parsed: unknown = JSON.parse(await response.clone().text());
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The app client a successful CreateUserPoolClient answer describes (undefined for any other answer). */
async function createdClientOf(operation: string | undefined, response: Response): Promise<Record<string, unknown> | undefined> {
  if (operation !== 'CreateUserPoolClient') return undefined;
  return (await outputOf(response))?.['UserPoolClient'] as Record<string, unknown> | undefined;
}

/** @internal */
export const authParameterOf = (body: Record<string, unknown> | undefined, name: string): unknown =>
  (body?.['AuthParameters'] as Record<string, unknown> | undefined)?.[name];

/** @internal */
export const claimsOf = (jwt: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** @internal */
export const BROKEN_SERVERS: readonly BrokenServer[] = [
  {
    name: 'accepts-a-missing-token',
    fault: 'answers 200 to a RevokeToken without Token instead of validating it',
    rule: 'S6',
    cases: ['constraint-Token-required'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken') {
        const body = await jsonBody(request);
        if (body && body['Token'] === undefined) return awsJson(200, {});
      }
      return service.handle(request);
    },
  },
  {
    name: 'html-error-page',
    fault: "answers every RevokeToken error with a proxy's HTML 500 page",
    rule: 'S13',
    cases: ['claim-refuses-plain-json'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (response.status < 400) return response;
      return new Response('<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>', {
        status: 500,
        headers: { 'content-type': 'text/html; charset=utf-8', 'x-amzn-requestid': crypto.randomUUID() },
      });
    },
  },
  {
    name: 'undeclared-not-authorized',
    fault: 'refuses RevokeToken with NotAuthorizedException, which RevokeToken does not declare (floci-io/floci#1705 review)',
    rule: 'S10',
    cases: ['semantics-client-secret-is-checked'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || response.status < 400) return response;
      return rewriteBody(response, (body) => (body['__type'] === 'UnauthorizedException' ? { ...body, __type: 'NotAuthorizedException' } : body));
    },
  },
  {
    name: 'errors-without-content-type',
    fault: 'sends RevokeToken errors with no Content-Type',
    rule: 'S10',
    cases: ['body-empty-reads-as-empty-object'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (response.status < 400) return response;
      const headers = new Headers(response.headers);
      headers.delete('content-type');
      return new Response(new Uint8Array(await response.arrayBuffer()), { status: response.status, headers });
    },
  },
  {
    name: 'access-tokens-outlive-revocation',
    fault: 'revokes the refresh token but keeps accepting the access tokens minted from it (cognito-local, floci)',
    rule: 'R3',
    cases: ['semantics-revoking-ends-the-session'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request.clone());
      if (operationOf(request) !== 'GetUser' || response.status < 400) return response;
      const text = await response.text();
      if (!text.includes('Access Token has been revoked')) return new Response(text, { status: response.status, headers: response.headers });
      const claims = claimsOf(String((await jsonBody(request))?.['AccessToken'] ?? ''));
      return awsJson(200, { Username: claims['username'], UserAttributes: [{ Name: 'sub', Value: claims['sub'] }] });
    },
  },
  {
    name: 'echoes-the-client-secret',
    fault: 'quotes the wrong ClientSecret in its UnauthorizedException message',
    rule: 'P1',
    cases: ['privacy-refusals-do-not-echo-inputs'],
    wrap: (service) => async (request) => {
      const secret = operationOf(request) === 'RevokeToken' ? (await jsonBody(request))?.['ClientSecret'] : undefined;
      const response = await service.handle(request);
      if (typeof secret !== 'string' || response.status < 400) return response;
      return rewriteBody(response, (body) => ({ ...body, message: `The client secret ${secret} does not match.` }));
    },
  },
  {
    name: 'server-error-on-broken-json',
    fault: 'answers a RevokeToken body that is not JSON with 500 InternalErrorException',
    rule: 'S5',
    cases: ['body-broken-json-is-refused'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken') {
        try {
          JSON.parse(await request.clone().text());
        } catch {
          return awsJson(500, { __type: 'InternalErrorException', message: 'An internal error occurred.' });
        }
      }
      return service.handle(request);
    },
  },
  {
    name: 'requires-sigv4',
    fault: 'refuses an unsigned RevokeToken, as if the operation needed IAM credentials',
    rule: 'S15',
    cases: ['auth-accepts-unsigned-call'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken' && !request.headers.has('authorization')) {
        return awsJson(403, { __type: 'ForbiddenException', message: 'Missing Authentication Token' });
      }
      return service.handle(request);
    },
  },
  {
    name: 'claims-plain-json',
    fault: 'treats Content-Type application/json as awsJson and runs the call',
    rule: 'S1',
    cases: ['claim-refuses-plain-json'],
    wrap: (service) => async (request) => {
      if (request.headers.get('content-type') !== 'application/json') return service.handle(request);
      const headers = new Headers(request.headers);
      headers.set('content-type', AWS_JSON_1_1_CONTENT_TYPE);
      return service.handle(new Request(request.url, { method: request.method, headers, body: await request.arrayBuffer() }));
    },
  },
  {
    name: 'no-request-id',
    fault: 'sends no x-amzn-RequestId',
    rule: 'S14',
    cases: ['auth-accepts-unsigned-call'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      const headers = new Headers(response.headers);
      headers.delete('x-amzn-requestid');
      return new Response(new Uint8Array(await response.arrayBuffer()), { status: response.status, headers });
    },
  },
  {
    name: 'stack-trace-in-errors',
    fault: 'puts the stack of the exception into InternalErrorException messages',
    rule: 'S13',
    cases: ['body-json-not-an-object-is-refused'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || response.status < 400) return response;
      const stack =
        'TypeError: Cannot read properties of undefined\n    at revokeToken (/srv/app/src/targets/revokeToken.ts:31:17)\n    at async Router (/srv/app/src/server/Router.ts:12:5)';
      return rewriteBody(response, (body) => ({ ...body, message: `${String(body['message'])}\n${stack}` }));
    },
  },
  {
    name: 'hangs-on-revoke',
    fault: 'never answers RevokeToken',
    rule: 'H1',
    cases: ['auth-accepts-unsigned-call'],
    wrap: (service) => async (request) => (operationOf(request) === 'RevokeToken' ? new Promise<Response>(() => {}) : service.handle(request)),
  },
  {
    name: 'unknown-target-as-invalid-parameter',
    fault:
      "answers an X-Amz-Target it has no operation for with 400 InvalidParameterException, validating the target like a request member, instead of the framework's 404 UnknownOperationException",
    rule: 'S2',
    strict: true,
    cases: ['claim-refuses-unknown-operation'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if ((await errorTypeOf(response)) !== 'UnknownOperationException' || response.status !== 404) return response;
      return rewriteBody(response, (body) => ({ ...body, __type: 'InvalidParameterException', message: 'Invalid X-Amz-Target.' }), 400);
    },
  },
  {
    name: 'empty-body-as-serialization-error',
    fault:
      'hands an empty RevokeToken body to its JSON parser, which fails, and answers SerializationException instead of reading {} and reporting the missing members',
    rule: 'S3',
    cases: ['body-empty-reads-as-empty-object'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken' && (await request.clone().arrayBuffer()).byteLength === 0) {
        return awsJson(400, { __type: 'SerializationException', message: 'No content to map due to end-of-input.' });
      }
      return service.handle(request);
    },
  },
  {
    name: 'null-member-as-present',
    fault: 'reads a member sent as null as present, and refuses ClientSecret: null as a value that is not a string',
    rule: 'S4',
    strict: true,
    cases: ['body-null-members-are-absent'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken') {
        const nulls = Object.entries((await jsonBody(request)) ?? {}).filter(([, value]) => value === null);
        if (nulls.length > 0) {
          return awsJson(400, {
            __type: 'InvalidParameterException',
            message: `1 validation error detected: Value null at '${nulls[0]![0]}' failed to satisfy constraint: Member must be a string.`,
          });
        }
      }
      return service.handle(request);
    },
  },
  {
    name: 'constraints-as-validation-exception',
    fault:
      "reports a broken constraint with the Smithy framework's 400 ValidationException (a generated server whose model never maps it to InvalidParameterException), which no RevokeToken client can catch as a typed error",
    rule: 'S7',
    strict: true,
    cases: ['body-empty-reads-as-empty-object', 'constraint-Token-required'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || (await errorTypeOf(response)) !== 'InvalidParameterException') return response;
      return rewriteBody(response, (body) => ({ __type: 'ValidationException', message: body['message'] }));
    },
  },
  {
    name: 'success-as-empty-text-plain',
    fault: "answers a successful RevokeToken with an empty body and its web framework's default Content-Type text/plain",
    rule: 'S8',
    cases: ['auth-accepts-unsigned-call'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || response.status >= 300) return response;
      return new Response('', {
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-amzn-requestid': response.headers.get('x-amzn-requestid') ?? crypto.randomUUID() },
      });
    },
  },
  {
    name: 'nulls-in-success-body',
    fault: 'serialises every field of its response object, the unset ones as null (a JSON mapper without a skip-nulls setting): {"ResponseMetadata":null}',
    rule: 'S9',
    strict: true,
    cases: ['auth-accepts-unsigned-call'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || response.status >= 300) return response;
      return rewriteBody(response, (body) => ({ ...body, ResponseMetadata: null }));
    },
  },
  {
    name: 'error-type-header-from-status',
    fault: 'has a middleware fill X-Amzn-Errortype from the status code (400 becomes InvalidParameterException), whatever error __type names',
    rule: 'S11',
    cases: ['body-not-utf8-is-refused'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (response.status < 400) return response;
      const byStatus: Record<number, string> = {
        400: 'InvalidParameterException',
        401: 'UnauthorizedException',
        403: 'ForbiddenException',
        429: 'TooManyRequestsException',
      };
      const headers = new Headers(response.headers);
      headers.set('x-amzn-errortype', `${byStatus[response.status] ?? 'InternalErrorException'}:`);
      return new Response(new Uint8Array(await response.arrayBuffer()), { status: response.status, headers });
    },
  },
  {
    name: 'client-faults-as-500',
    fault:
      'sends every RevokeToken error with status 500, as an exception handler that knows no modeled statuses does, so clients retry a wrong secret as if the server had failed',
    rule: 'S12',
    cases: ['semantics-client-secret-is-checked'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || response.status < 400) return response;
      return rewriteBody(response, (body) => body, 500);
    },
  },
  {
    name: 'unauthorized-as-400',
    fault: 'sends UnauthorizedException with 400, the status of most Cognito errors, instead of the 401 its @httpError gives',
    rule: 'S12',
    strict: true,
    cases: ['semantics-client-secret-is-checked'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'RevokeToken' || (await errorTypeOf(response)) !== 'UnauthorizedException') return response;
      return rewriteBody(response, (body) => body, 400);
    },
  },
  {
    name: 'refuses-enable-token-revocation',
    fault:
      'predates token revocation (2021) and refuses CreateUserPoolClient with EnableTokenRevocation as an unknown parameter, so no app client can be set up',
    rule: 'H2',
    cases: ['auth-accepts-unsigned-call'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'CreateUserPoolClient' && (await jsonBody(request))?.['EnableTokenRevocation'] !== undefined) {
        return awsJson(400, { __type: 'InvalidParameterException', message: 'Unknown parameter in input: "EnableTokenRevocation".' });
      }
      return service.handle(request);
    },
  },
  {
    name: 'demands-a-secret-from-public-clients',
    fault:
      'checks that a ClientSecret was sent before looking up the app client, so it refuses the revocation of an app client that has no secret with UnauthorizedException',
    rule: 'R1',
    cases: ['semantics-revoking-ends-the-session'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken') {
        const body = await jsonBody(request);
        if (body && typeof body['Token'] === 'string' && typeof body['ClientId'] === 'string' && body['ClientSecret'] === undefined) {
          return awsJson(401, { __type: 'UnauthorizedException', message: 'A client secret is required.' });
        }
      }
      return service.handle(request);
    },
  },
  {
    name: 'revocation-is-a-no-op',
    fault: 'answers every well-formed RevokeToken with 200 and revokes nothing, a stub endpoint shipped before revocation was implemented',
    rule: 'R2',
    cases: ['semantics-revoking-ends-the-session'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken') {
        const body = await jsonBody(request);
        if (body && typeof body['Token'] === 'string' && typeof body['ClientId'] === 'string') return awsJson(200, {});
      }
      return service.handle(request);
    },
  },
  {
    name: 'revoked-refresh-token-still-refreshes',
    fault: 'records the revocation for access tokens only: REFRESH_TOKEN_AUTH never looks at it, so a revoked refresh token keeps refreshing',
    rule: 'R2',
    cases: ['semantics-revoking-ends-the-session'],
    wrap: (service) => {
      // The wrapper cannot mint tokens, so it answers a refused refresh with the tokens of the
      // session's sign-in: to the suite, as to a client, the refresh simply succeeded.
      const signInTokens = new Map<string, Record<string, unknown>>();
      return async (request) => {
        const body = operationOf(request) === 'InitiateAuth' ? await jsonBody(request) : undefined;
        const response = await service.handle(request);
        if (body?.['AuthFlow'] === 'USER_PASSWORD_AUTH') {
          const result = (await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined;
          if (typeof result?.['RefreshToken'] === 'string') {
            const { RefreshToken: refreshToken, ...minted } = result;
            signInTokens.set(refreshToken, minted);
          }
        }
        const refreshToken = body?.['AuthFlow'] === 'REFRESH_TOKEN_AUTH' ? authParameterOf(body, 'REFRESH_TOKEN') : undefined;
        if (typeof refreshToken !== 'string' || !signInTokens.has(refreshToken) || (await errorTypeOf(response)) !== 'NotAuthorizedException') return response;
        if (!(await response.clone().text()).includes('Refresh Token has been revoked')) return response;
        return awsJson(200, { ChallengeParameters: {}, AuthenticationResult: signInTokens.get(refreshToken) });
      };
    },
  },
  {
    name: 'revoking-signs-the-user-out-everywhere',
    fault: 'revoking one refresh token ends every session of its user, on every app client, as a global sign-out would',
    rule: 'R4',
    cases: ['semantics-other-sessions-keep-working'],
    wrap: (service) => {
      const sessions: Array<{ username: string; refreshToken: string; originJti: unknown }> = [];
      const endedRefreshTokens = new Set<string>();
      const endedOrigins = new Set<unknown>();
      const refused = (message: string) => awsJson(400, { __type: 'NotAuthorizedException', message });
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        if (operation === 'GetUser' && endedOrigins.has(claimsOf(String(body?.['AccessToken'] ?? ''))['origin_jti']))
          return refused('Access Token has been revoked');
        const refreshToken = operation === 'InitiateAuth' && body?.['AuthFlow'] === 'REFRESH_TOKEN_AUTH' ? authParameterOf(body, 'REFRESH_TOKEN') : undefined;
        if (typeof refreshToken === 'string' && endedRefreshTokens.has(refreshToken)) return refused('Refresh Token has been revoked');
        const response = await service.handle(request);
        if (operation === 'InitiateAuth' && body?.['AuthFlow'] === 'USER_PASSWORD_AUTH') {
          const result = (await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined;
          if (typeof result?.['RefreshToken'] === 'string') {
            sessions.push({
              username: String(authParameterOf(body, 'USERNAME')),
              refreshToken: result['RefreshToken'],
              originJti: claimsOf(String(result['AccessToken']))['origin_jti'],
            });
          }
        }
        if (operation === 'RevokeToken' && response.status < 300) {
          const revoked = sessions.find((session) => session.refreshToken === body?.['Token']);
          for (const session of sessions.filter((s) => s.username === revoked?.username)) {
            endedRefreshTokens.add(session.refreshToken);
            if (session.originJti !== undefined) endedOrigins.add(session.originJti);
          }
        }
        return response;
      };
    },
  },
  {
    name: 'accepts-an-access-token',
    fault:
      'answers 200 to an access token passed as Token: it finds no refresh session for it and, reading RFC 7009 as "an invalid token is not an error", calls that success',
    rule: 'R5',
    cases: ['semantics-access-and-id-tokens-are-refused'],
    wrap: (service) => async (request) => {
      const token = operationOf(request) === 'RevokeToken' ? (await jsonBody(request))?.['Token'] : undefined;
      const response = await service.handle(request);
      if (typeof token !== 'string' || claimsOf(token)['token_use'] !== 'access' || (await errorTypeOf(response)) !== 'UnsupportedTokenTypeException')
        return response;
      return awsJson(200, {});
    },
  },
  {
    name: 'ignores-enable-token-revocation-false',
    fault: 'stores EnableTokenRevocation and echoes it back, but never reads it: tokens of an app client created with it false are revoked all the same',
    rule: 'R6',
    cases: ['semantics-revocation-switched-off-is-refused'],
    wrap: (service) => async (request) => {
      const body = operationOf(request) === 'CreateUserPoolClient' ? await jsonBody(request) : undefined;
      if (body?.['EnableTokenRevocation'] !== false) return service.handle(request);
      const response = await service.handle(withBody(request, { ...body, EnableTokenRevocation: true }));
      if (response.status >= 300) return response;
      return rewriteBody(response, (output) => ({
        ...output,
        UserPoolClient: { ...(output['UserPoolClient'] as Record<string, unknown>), EnableTokenRevocation: false },
      }));
    },
  },
  {
    name: 'ignores-a-wrong-client-secret',
    fault: 'checks that an app client with a secret was sent a ClientSecret, never that it is the right one',
    rule: 'R7',
    cases: ['semantics-client-secret-is-checked'],
    wrap: (service) => {
      // Learnt from CreateUserPoolClient's answers: the wrapper passes the right secret on
      // whenever some secret was sent, which is what a presence-only check amounts to.
      const secrets = new Map<string, string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        if (operation === 'RevokeToken' && body && typeof body['ClientSecret'] === 'string') {
          const secret = secrets.get(String(body['ClientId']));
          if (secret !== undefined) return service.handle(withBody(request, { ...body, ClientSecret: secret }));
        }
        const response = await service.handle(request);
        const created = await createdClientOf(operation, response);
        if (typeof created?.['ClientId'] === 'string' && typeof created['ClientSecret'] === 'string') secrets.set(created['ClientId'], created['ClientSecret']);
        return response;
      };
    },
  },
  // Issue 19: faults that only a populated world shows (two users, six clients, every answer judged).
  {
    name: 'wrong-secret-revokes-then-refuses',
    fault:
      'on a wrong ClientSecret it runs the revocation first and checks the secret afterwards: the answer is UnauthorizedException, but the token is gone (a refusal with a side effect)',
    rule: 'R8',
    cases: ['semantics-populated-world'],
    wrap: (service) => {
      const secrets = new Map<string, string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        if (operation === 'RevokeToken' && body && typeof body['ClientSecret'] === 'string') {
          const secret = secrets.get(String(body['ClientId']));
          if (secret !== undefined && secret !== body['ClientSecret']) await service.handle(withBody(request, { ...body, ClientSecret: secret }));
        }
        const response = await service.handle(request);
        const created = await createdClientOf(operation, response);
        if (typeof created?.['ClientId'] === 'string' && typeof created['ClientSecret'] === 'string') secrets.set(created['ClientId'], created['ClientSecret']);
        return response;
      };
    },
  },
  {
    name: 'a-new-sign-in-clears-revocations',
    fault:
      "keeps revocations on the user's record and clears them when the user signs in again, so the access tokens of a session revoked earlier in the run work again later",
    rule: 'R9',
    cases: ['semantics-populated-world'],
    wrap: (service) => {
      const userOfOrigin = new Map<unknown, string>();
      const userOfRefreshToken = new Map<string, string>();
      const signedInAgain = new Set<string>();
      const revokedUsers = new Set<string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const response = await service.handle(request);
        if (operation === 'InitiateAuth' && body?.['AuthFlow'] === 'USER_PASSWORD_AUTH') {
          const result = (await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined;
          const username = String(authParameterOf(body, 'USERNAME'));
          if (typeof result?.['AccessToken'] === 'string') userOfOrigin.set(claimsOf(result['AccessToken'])['origin_jti'], username);
          if (typeof result?.['RefreshToken'] === 'string') userOfRefreshToken.set(result['RefreshToken'], username);
          if (revokedUsers.has(username)) signedInAgain.add(username);
        }
        const revokedUser = operation === 'RevokeToken' && response.status < 300 ? userOfRefreshToken.get(String(body?.['Token'])) : undefined;
        if (revokedUser !== undefined) revokedUsers.add(revokedUser);
        if (operation === 'GetUser' && response.status >= 400) {
          const claims = claimsOf(String(body?.['AccessToken'] ?? ''));
          const user = userOfOrigin.get(claims['origin_jti']);
          if (user !== undefined && signedInAgain.has(user) && (await response.clone().text()).includes('has been revoked')) {
            return awsJson(200, { Username: claims['username'], UserAttributes: [{ Name: 'sub', Value: claims['sub'] }] });
          }
        }
        return response;
      };
    },
  },
  {
    name: 'linked-ends-every-session-of-the-user',
    fault: 'reads RevokeAssociatedSessions LINKED as "sign the user out everywhere" and ends every token session of the user, not only a parent SSO session',
    rule: 'R10',
    cases: ['semantics-populated-world'],
    wrap: (service) => {
      const sessions: Array<{ username: string; refreshToken: string; originJti: unknown }> = [];
      const endedOrigins = new Set<unknown>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        if (operation === 'GetUser' && endedOrigins.has(claimsOf(String(body?.['AccessToken'] ?? ''))['origin_jti']))
          return awsJson(400, { __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
        const response = await service.handle(request);
        if (operation === 'InitiateAuth' && body?.['AuthFlow'] === 'USER_PASSWORD_AUTH') {
          const result = (await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined;
          if (typeof result?.['RefreshToken'] === 'string')
            sessions.push({
              username: String(authParameterOf(body, 'USERNAME')),
              refreshToken: result['RefreshToken'],
              originJti: claimsOf(String(result['AccessToken']))['origin_jti'],
            });
        }
        if (operation === 'RevokeToken' && body?.['RevokeAssociatedSessions'] === 'LINKED' && response.status < 300) {
          const revoked = sessions.find((session) => session.refreshToken === body['Token']);
          for (const session of sessions.filter((s) => s.username === revoked?.username)) endedOrigins.add(session.originJti);
        }
        return response;
      };
    },
  },
  {
    name: 'refresh-answers-the-refresh-token',
    fault: 'answers REFRESH_TOKEN_AUTH with the refresh token it was given inside AuthenticationResult, as if every client rotated',
    rule: 'R11',
    cases: ['semantics-refresh-token-rotation'],
    wrap: (service) => async (request) => {
      const body = operationOf(request) === 'InitiateAuth' ? await jsonBody(request) : undefined;
      const response = await service.handle(request);
      const token = body?.['AuthFlow'] === 'REFRESH_TOKEN_AUTH' || body?.['AuthFlow'] === 'REFRESH_TOKEN' ? authParameterOf(body, 'REFRESH_TOKEN') : undefined;
      if (typeof token !== 'string' || response.status >= 300) return response;
      return rewriteBody(response, (output) => ({ ...output, AuthenticationResult: { ...(output['AuthenticationResult'] as object), RefreshToken: token } }));
    },
  },
  {
    name: 'rotation-never-rotates',
    fault: 'implements GetTokensFromRefreshToken without rotation: it never hands out a new refresh token, whatever the app client says (MiniStack 1.5.33)',
    rule: 'R11',
    cases: ['semantics-refresh-token-rotation'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (operationOf(request) !== 'GetTokensFromRefreshToken' || response.status >= 300) return response;
      return rewriteBody(response, (output) => {
        const { RefreshToken: _dropped, ...rest } = output['AuthenticationResult'] as Record<string, unknown>;
        return { ...output, AuthenticationResult: rest };
      });
    },
  },
  {
    name: 'defaults-leave-revocation-off',
    fault: 'creates an app client with token revocation off when EnableTokenRevocation is left out, the default before June 2021',
    rule: 'R12',
    cases: ['every-answer-of-every-operation'],
    wrap: (service) => async (request) => {
      const body = operationOf(request) === 'CreateUserPoolClient' ? await jsonBody(request) : undefined;
      if (!body || body['EnableTokenRevocation'] !== undefined) return service.handle(request);
      return service.handle(withBody(request, { ...body, EnableTokenRevocation: false }));
    },
  },
  {
    name: 'one-request-id-for-every-answer',
    fault: 'sends the same x-amzn-RequestId on every answer, a constant left in a stub',
    rule: 'S16',
    cases: ['every-answer-of-every-operation'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      const headers = new Headers(response.headers);
      headers.set('x-amzn-requestid', '00000000-0000-4000-8000-000000000000');
      return new Response(await response.arrayBuffer(), { status: response.status, headers });
    },
  },
  {
    name: 'auth-errors-quote-their-parameters',
    fault: "InitiateAuth's errors quote the AuthParameters they refused, the password or refresh token among them",
    rule: 'P2',
    cases: ['every-answer-of-every-operation'],
    wrap: (service) => async (request) => {
      const body = operationOf(request) === 'InitiateAuth' ? await jsonBody(request) : undefined;
      const response = await service.handle(request);
      if (!body || response.status < 400) return response;
      return rewriteBody(response, (output) => ({
        ...output,
        message: `${String(output['message'])} (parameters: ${JSON.stringify(body['AuthParameters'])})`,
      }));
    },
  },
  // Near misses: almost-right secrets, tokens and client ids sent with a live token.
  {
    name: 'secret-compared-without-case',
    fault: 'compares ClientSecret case-insensitively, so the secret with its case flipped revokes the token',
    rule: 'R7',
    cases: ['near-misses-client-secret'],
    wrap: (service) => {
      const secrets = new Map<string, string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const secret = operation === 'RevokeToken' && body ? secrets.get(String(body['ClientId'])) : undefined;
        if (secret !== undefined && typeof body?.['ClientSecret'] === 'string' && body['ClientSecret'].toLowerCase() === secret.toLowerCase())
          return service.handle(withBody(request, { ...body, ClientSecret: secret }));
        const response = await service.handle(request);
        const created = await createdClientOf(operation, response);
        if (typeof created?.['ClientId'] === 'string' && typeof created['ClientSecret'] === 'string') secrets.set(created['ClientId'], created['ClientSecret']);
        return response;
      };
    },
  },
  {
    name: 'secret-of-another-length-crashes',
    fault: 'compares secrets with a constant-time function that throws on inputs of different lengths, and answers the throw with 500 InternalErrorException',
    rule: 'R7',
    cases: ['near-misses-client-secret'],
    wrap: (service) => {
      const lengths = new Map<string, number>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const length = operation === 'RevokeToken' && body ? lengths.get(String(body['ClientId'])) : undefined;
        if (length !== undefined && typeof body?.['ClientSecret'] === 'string' && body['ClientSecret'].length !== length)
          return awsJson(500, { __type: 'InternalErrorException', message: 'An internal error occurred.' });
        const response = await service.handle(request);
        const created = await createdClientOf(operation, response);
        if (typeof created?.['ClientId'] === 'string' && typeof created['ClientSecret'] === 'string')
          lengths.set(created['ClientId'], created['ClientSecret'].length);
        return response;
      };
    },
  },
  {
    name: 'unknown-client-crashes',
    fault: 'looks the app client up and reads its settings without checking it exists: an unknown ClientId answers 500 InternalErrorException',
    rule: 'R8',
    cases: ['near-misses-token-and-client'],
    wrap: (service) => {
      const clients = new Set<string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        if (operation === 'RevokeToken' && typeof body?.['ClientId'] === 'string' && !clients.has(body['ClientId']))
          return awsJson(500, { __type: 'InternalErrorException', message: 'An internal error occurred.' });
        const response = await service.handle(request);
        const created = await createdClientOf(operation, response);
        if (typeof created?.['ClientId'] === 'string') clients.add(created['ClientId']);
        return response;
      };
    },
  },
  {
    name: 'token-matched-by-prefix',
    fault: 'finds the refresh session by the longest stored token the given one starts with, so a token with a character added revokes the real one',
    rule: 'R8',
    cases: ['near-misses-token-and-client'],
    wrap: (service) => {
      const refreshTokens = new Set<string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const token = operation === 'RevokeToken' ? body?.['Token'] : undefined;
        if (typeof token === 'string' && !refreshTokens.has(token)) {
          const match = [...refreshTokens].find((known) => token.startsWith(known));
          if (match !== undefined) return service.handle(withBody(request, { ...body, Token: match }));
        }
        const response = await service.handle(request);
        const result = operation === 'InitiateAuth' ? ((await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined) : undefined;
        if (typeof result?.['RefreshToken'] === 'string') refreshTokens.add(result['RefreshToken']);
        return response;
      };
    },
  },
  {
    name: 'second-revoke-is-an-error',
    fault:
      'answers a second revoke of the same refresh token with InvalidParameterException, where the service answers 200 {} (cognito-local answers NotAuthorizedException)',
    rule: 'R13',
    cases: ['semantics-unverified-second-revoke'],
    wrap: (service) => {
      const revoked = new Set<string>();
      return async (request) => {
        const token = operationOf(request) === 'RevokeToken' ? (await jsonBody(request))?.['Token'] : undefined;
        if (typeof token === 'string' && revoked.has(token)) return awsJson(400, { __type: 'InvalidParameterException', message: 'Token already revoked.' });
        const response = await service.handle(request);
        if (typeof token === 'string' && response.status < 300) revoked.add(token);
        return response;
      };
    },
  },
  {
    name: 'refresh-answer-without-token-type',
    fault: 'leaves TokenType and ExpiresIn out of every AuthenticationResult, which SDKs read to schedule the next refresh',
    rule: 'S17',
    cases: ['every-answer-of-every-operation', 'semantics-revoking-ends-the-session'],
    wrap: (service) => async (request) => {
      const operation = operationOf(request);
      const response = await service.handle(request);
      if ((operation !== 'InitiateAuth' && operation !== 'GetTokensFromRefreshToken') || response.status >= 300) return response;
      return rewriteBody(response, (output) => {
        const result = output['AuthenticationResult'] as Record<string, unknown> | undefined;
        if (!result) return output;
        const { TokenType: _type, ExpiresIn: _expires, ...rest } = result;
        return { ...output, AuthenticationResult: rest };
      });
    },
  },
  {
    name: 'refresh-ignores-the-client-secret',
    fault:
      'checks the client secret at sign-in only: a refresh on an app client with a secret goes through with a wrong or missing SECRET_HASH or ClientSecret, so a stolen refresh token needs no secret',
    rule: 'R14',
    cases: ['near-misses-refresh-secret'],
    wrap: (service) => {
      const secrets = new Map<string, string>();
      const userOfRefreshToken = new Map<string, string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const clientId = String(body?.['ClientId'] ?? '');
        const secret = secrets.get(clientId);
        if (body && secret !== undefined && operation === 'InitiateAuth' && body['AuthFlow'] === 'REFRESH_TOKEN_AUTH') {
          const username = userOfRefreshToken.get(String(authParameterOf(body, 'REFRESH_TOKEN')));
          if (username !== undefined) {
            const parameters = { ...(body['AuthParameters'] as Record<string, string>), SECRET_HASH: secretHash(secret, username, clientId) };
            return service.handle(withBody(request, { ...body, AuthParameters: parameters }));
          }
        }
        if (body && secret !== undefined && operation === 'GetTokensFromRefreshToken')
          return service.handle(withBody(request, { ...body, ClientSecret: secret }));
        const response = await service.handle(request);
        const output = await outputOf(response);
        const created = operation === 'CreateUserPoolClient' ? (output?.['UserPoolClient'] as Record<string, unknown> | undefined) : undefined;
        if (typeof created?.['ClientId'] === 'string' && typeof created['ClientSecret'] === 'string') secrets.set(created['ClientId'], created['ClientSecret']);
        const result = operation === 'InitiateAuth' ? (output?.['AuthenticationResult'] as Record<string, unknown> | undefined) : undefined;
        if (body?.['AuthFlow'] === 'USER_PASSWORD_AUTH' && typeof result?.['RefreshToken'] === 'string')
          userOfRefreshToken.set(result['RefreshToken'], String(authParameterOf(body, 'USERNAME')));
        return response;
      };
    },
  },
  {
    name: 'admin-sign-ins-are-not-revocable',
    fault:
      'keeps the sessions of AdminInitiateAuth apart from those of InitiateAuth and never revokes them: RevokeToken answers 200 and their tokens keep working',
    rule: 'R9',
    cases: ['semantics-populated-world'],
    wrap: (service) => {
      const adminRefreshTokens = new Set<string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        if (operation === 'RevokeToken' && adminRefreshTokens.has(String(body?.['Token']))) return awsJson(200, {});
        const response = await service.handle(request);
        const result =
          operation === 'AdminInitiateAuth' ? ((await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined) : undefined;
        if (typeof result?.['RefreshToken'] === 'string') adminRefreshTokens.add(result['RefreshToken']);
        return response;
      };
    },
  },
  {
    name: 'get-user-answers-the-last-user-signed-in',
    fault: 'caches the last signed-in user and answers GetUser with it, whoever the access token belongs to (a session store keyed by app client)',
    rule: 'R15',
    cases: ['semantics-populated-world'],
    wrap: (service) => {
      let last: string | undefined;
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const response = await service.handle(request);
        if ((operation === 'InitiateAuth' || operation === 'AdminInitiateAuth') && response.status < 300) {
          const username = authParameterOf(body, 'USERNAME');
          if (typeof username === 'string') last = username;
        }
        if (operation !== 'GetUser' || response.status >= 300 || last === undefined) return response;
        const username = last;
        return rewriteBody(response, (output) => ({ ...output, Username: username }));
      };
    },
  },
  {
    name: 'client-id-looked-up-without-case',
    fault: 'looks app clients up case-insensitively (a database collation), so a ClientId with its case flipped revokes the token of the real client',
    rule: 'R8',
    cases: ['near-misses-token-and-client'],
    wrap: (service) => {
      const clients = new Map<string, string>();
      return async (request) => {
        const operation = operationOf(request);
        const body = await jsonBody(request);
        const real = operation === 'RevokeToken' && typeof body?.['ClientId'] === 'string' ? clients.get(body['ClientId'].toLowerCase()) : undefined;
        if (real !== undefined && real !== body?.['ClientId']) return service.handle(withBody(request, { ...body, ClientId: real }));
        const response = await service.handle(request);
        const created = await createdClientOf(operation, response);
        if (typeof created?.['ClientId'] === 'string') clients.set(created['ClientId'].toLowerCase(), created['ClientId']);
        return response;
      };
    },
  },
  {
    name: 'get-tokens-refuses-every-client-secret',
    fault:
      'GetTokensFromRefreshToken refuses every request that carries a ClientSecret, the right one included, so the app client with a secret can never refresh through it',
    rule: 'R11',
    cases: ['semantics-refresh-token-rotation'],
    wrap: (service) => async (request) => {
      const body = operationOf(request) === 'GetTokensFromRefreshToken' ? await jsonBody(request) : undefined;
      if (typeof body?.['ClientSecret'] !== 'string') return service.handle(request);
      return awsJson(400, { __type: 'NotAuthorizedException', message: 'Unable to verify secret for client.' });
    },
  },
  {
    name: 'get-user-reads-three-segments',
    fault:
      'GetUser verifies the first three dot-separated segments of the access token and ignores any after them, so an access token with a segment added names the user',
    rule: 'R16',
    cases: ['semantics-get-user-takes-only-access-tokens'],
    wrap: (service) => async (request) => {
      const body = operationOf(request) === 'GetUser' ? await jsonBody(request) : undefined;
      const token = body?.['AccessToken'];
      if (typeof token !== 'string' || token.split('.').length <= 3) return service.handle(request);
      return service.handle(withBody(request, { ...body, AccessToken: token.split('.').slice(0, 3).join('.') }));
    },
  },
  {
    name: 'get-user-skips-the-signature',
    fault: "GetUser decodes the access token's claims without verifying its signature, so a token with its signature altered names the user (cognito-local)",
    rule: 'R16',
    cases: ['semantics-get-user-takes-only-access-tokens'],
    wrap: (service) => async (request) => {
      const token = operationOf(request) === 'GetUser' ? (await jsonBody(request))?.['AccessToken'] : undefined;
      const response = await service.handle(request);
      if (typeof token !== 'string' || response.status < 400 || !(await response.clone().text()).includes('Invalid Access Token')) return response;
      const claims = claimsOf(token);
      if (claims['token_use'] !== 'access') return response;
      return awsJson(200, { Username: claims['username'], UserAttributes: [{ Name: 'sub', Value: claims['sub'] }] });
    },
  },
  {
    name: 'unknown-refresh-token-crashes',
    fault: 'looks the refresh token up and reads the session without checking it was found: a refresh token it never issued answers 500 InternalErrorException',
    rule: 'R17',
    cases: ['semantics-unknown-refresh-token-is-invalid'],
    wrap: (service) => async (request) => {
      const response = await service.handle(request);
      if (response.status < 400 || !(await response.clone().text()).includes('Invalid Refresh Token')) return response;
      return awsJson(500, { __type: 'InternalErrorException', message: "Cannot read properties of undefined (reading 'username')" });
    },
  },
  {
    name: 'global-sign-out-does-nothing',
    fault: 'answers GlobalSignOut with 200 {} and ends no session: every token of the user keeps working',
    rule: 'R18',
    cases: ['semantics-global-sign-out'],
    wrap: (service) => async (request) => (operationOf(request) === 'GlobalSignOut' ? awsJson(200, {}) : service.handle(request)),
  },
  {
    name: 'revoke-reads-the-token-with-a-pattern',
    fault:
      'reads Token out of the body text with a pattern that expects no space after the colon, so a request written by botocore (json.dumps) is refused as missing its Token',
    rule: 'R1',
    cases: ['semantics-revoking-ends-the-session'],
    wrap: (service) => async (request) => {
      if (operationOf(request) === 'RevokeToken' && !/"Token":"/.test(await request.clone().text()))
        return awsJson(400, { __type: 'InvalidParameterException', message: 'Missing required parameter Token' });
      return service.handle(request);
    },
  },
];
