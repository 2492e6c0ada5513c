// Servers with one fault each: the reference service behind a small wrapper. They prove that
// every server rule can fail, the way conformance/self-test/mutants.ts does for client rules.
import type { FetchHandle } from '../../wire/loopback-server.ts';
import type { ReferenceService } from '../reference/index.ts';

/** @internal */
export interface BrokenServer {
  name: string;
  /** What is wrong with it, in the terms of the bug it imitates. */
  fault: string;
  /** The rule that must catch it. */
  rule: string;
  /** The cases that show the fault (ids for --filter). */
  cases: readonly string[];
  wrap(service: ReferenceService): FetchHandle;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

function operationOf(request: Request): string | undefined {
  const target = request.headers.get('x-amz-target');
  return target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await request.clone().text());
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function awsJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID(), ...headers } });
}

/** The answer with its body rewritten as JSON, headers kept. */
async function rewriteBody(response: Response, change: (body: Record<string, unknown>) => Record<string, unknown>): Promise<Response> {
  const body = change(JSON.parse(await response.text()) as Record<string, unknown>);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (typeof body['__type'] === 'string') headers.set('x-amzn-errortype', `${body['__type']}:`);
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

const claimsOf = (jwt: string): Record<string, unknown> => {
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
    fault: 'answers every RevokeToken error with a proxy\'s HTML 500 page',
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
      headers.set('content-type', 'application/x-amz-json-1.1');
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
      const stack = 'TypeError: Cannot read properties of undefined\n    at revokeToken (/srv/app/src/targets/revokeToken.ts:31:17)\n    at async Router (/srv/app/src/server/Router.ts:12:5)';
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
];
