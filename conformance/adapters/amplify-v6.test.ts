// The amplify-v6 lane driven by the suite's own engine, in process as the runner drives it: the
// FakeService behind msw interception of the global fetch (Amplify's fetch handler calls the
// global), runCase with a fake clock, and CLIENT_CHECKS. Each test pins what Amplify makes of an
// answer; the last ones show that the lane can fail and that signOut takes the same path.

import { signOut } from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { Amplify } from '@aws-amplify/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Case } from '../fixtures/case.ts';
import { type CaseResult, runCase } from '../run/run-case.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import { FakeService } from '../wire/fake-service.ts';
import amplifyAdapter, { AMPLIFY_AUTH_VERSION, createAmplifyAdapter } from './amplify-v6.ts';
import { type Adapter, type RevokeTokenInput, resolveCapabilities } from './contract.ts';
import { failedChecks, INPUT, REGION, requestRuleFailures, type Scenario, WIRE_VARIANTS } from './process-agent/test-fixtures/wire-variants.ts';

/** Amplify's input has no ClientSecret, so the cases send the two required members. */
const REQUIRED: RevokeTokenInput = { Token: INPUT.Token, ClientId: INPUT.ClientId };
// The regional endpoint the runner hands in-process adapters (msw intercepts it).
const ENDPOINT = `https://cognito-idp.${REGION}.amazonaws.com`;
const JSON_11 = { 'Content-Type': 'application/x-amz-json-1.1' };

const service = new FakeService('intercepted');
const server = setupServer(service.handler);
let count = 0;

/** One scenario through `adapter`, exactly as the runner runs an in-process lane. */
function run(adapter: Adapter, { response, expect: expectation, params = REQUIRED, tags = [], mode, level = 'must' }: Scenario): Promise<CaseResult> {
  count += 1;
  const c: Case = {
    id: `AmplifyTestCase${count}`,
    level,
    tags,
    params,
    response,
    expect: expectation,
    mode,
    origin: { kind: 'fixture', file: 'conformance/adapters/amplify-v6.test.ts' },
  };
  return runCase(c, {
    adapter,
    capabilities: resolveCapabilities(adapter),
    service,
    endpoint: ENDPOINT,
    region: REGION,
    checks: CLIENT_CHECKS,
    fakeTime: true,
    offerDirectFetch: true,
    caseTimeoutMs: 10_000,
  });
}

/** The requests of the last case (runCase leaves them on the service until the next begins). */
const lastRequests = (): CapturedRequest[] => service.requests;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('amplify-v6 adapter', () => {
  it('names @aws-amplify/auth 6.21.1 and declares what its RevokeToken client does', () => {
    expect(AMPLIFY_AUTH_VERSION).toBe('6.21.1');
    expect(amplifyAdapter.name).toBe('amplify-v6 (@aws-amplify/auth 6.21.1)');
    expect(amplifyAdapter.capabilities).toEqual({ clientSecret: false, revokeAssociatedSessions: false, cancellation: true, retries: true, maxAttempts: 3 });
  });

  it('sends one unsigned awsJson1_1 request with the two members and resolves with the metadata', async () => {
    const result = await run(amplifyAdapter, WIRE_VARIANTS.success);
    expect(result.status).toBe('pass');
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    expect(result.outcome).toMatchObject({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200, requestId: 'req-success-1', attempts: 1 } } });
    const [request] = lastRequests();
    // Amplify's own headers: its retry counter, its user agent and the no-store cache header.
    expect(request!.headers['amz-sdk-request']).toBe('attempt=1; max=3');
    expect(request!.headers['cache-control']).toBe('no-store');
    expect(request!.headers['x-amz-user-agent']).toMatch(/^aws-amplify\/6\./);
    expect(JSON.parse(request!.body)).toEqual(REQUIRED);
  });

  // What Amplify's parseJsonError makes of each answer. It reads the body as JSON first, then the
  // name from x-amzn-errortype, a body `code` or `__type` (cut at the first ':' or ',', then after
  // '#'). A body that is not JSON fails that parse, so the call rejects with the SyntaxError
  // itself, without status or request id, and is not retried even at 5xx (the retry decider
  // runs the same parse and throws).
  it.each([
    [
      'modeledError',
      { name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2', hasMetadata: true },
    ],
    [
      'headerOnlyError',
      { name: 'UnauthorizedException', message: 'Unauthorized via the header', statusCode: 400, requestId: 'req-header-3', hasMetadata: true },
    ],
    ['headerAndTypeDisagree', { name: 'UnauthorizedException', message: 'Both places', statusCode: 400, requestId: 'req-both-5', hasMetadata: true }],
    [
      'html502',
      {
        name: 'SyntaxError',
        message: expect.stringMatching(/not valid JSON|Unexpected token/),
        statusCode: undefined,
        requestId: undefined,
        hasMetadata: false,
        crash: expect.stringMatching(/^a bare SyntaxError escaped the client/),
      },
    ],
    [
      'emptyBody500',
      {
        name: 'SyntaxError',
        message: 'Unexpected end of JSON input',
        statusCode: undefined,
        requestId: undefined,
        hasMetadata: false,
        crash: expect.stringMatching(/^a bare SyntaxError escaped the client/),
      },
    ],
  ] as const)('decodes %s in one request', async (variant, error) => {
    const result = await run(amplifyAdapter, WIRE_VARIANTS[variant]);
    expect(result.outcome).toEqual({ kind: 'rejected', error });
    expect(result.requestCount).toBe(1);
    expect(requestRuleFailures(result)).toEqual([]);
    // A body that is not JSON escapes as the parser's bare SyntaxError, without the status: C23,
    // and a crash rather than a decoded error, A5 (both listed in conformance/expectations/amplify-v6.json).
    expect(failedChecks(result)).toEqual(error.name === 'SyntaxError' ? ['C23', 'A5'] : []);
  });

  it('retries a throttling error up to its default of three attempts, then surfaces it', async () => {
    const result = await run(amplifyAdapter, WIRE_VARIANTS.namespacedType);
    expect(result.outcome).toEqual({
      kind: 'rejected',
      error: { name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400, requestId: 'req-ns-6', hasMetadata: true },
    });
    expect(lastRequests().map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    expect(failedChecks(result)).toEqual([]);
  });

  it('sends one request with maxAttempts 1, and then declares no retries', async () => {
    const single = createAmplifyAdapter({ maxAttempts: 1 });
    expect(resolveCapabilities(single)).toMatchObject({ retries: false, maxAttempts: 1 });
    const result = await run(single, WIRE_VARIANTS.namespacedType);
    expect(result.requestCount).toBe(1);
    expect(result.status).toBe('pass');
  });

  it('stops a hanging call when the suite aborts it', async () => {
    const result = await run(amplifyAdapter, { response: 'hang', mode: 'cancel', expect: { outcome: 'error' }, tags: ['A2'] });
    expect(result.outcome).toMatchObject({ kind: 'rejected', error: { name: 'AbortError' } });
    expect(result.requestCount).toBe(1);
    expect(result.status).toBe('pass');
  });

  // The divergences listed in conformance/expectations/amplify-v6.json, as the checks see them.
  it('rejects an empty 200 with SyntaxError (C12, A5) and a header-only error with SyntaxError (C19, A5)', async () => {
    const emptySuccess = await run(amplifyAdapter, {
      response: { code: 200, headers: { ...JSON_11, 'x-amzn-RequestId': 'req-empty-200' }, body: '' },
      expect: { outcome: 'success' },
      tags: ['C12'],
    });
    expect(emptySuccess.outcome).toMatchObject({ kind: 'rejected', error: { name: 'SyntaxError', message: 'Unexpected end of JSON input' } });
    expect(failedChecks(emptySuccess)).toEqual(['C12', 'A5']);

    const headerOnly = await run(amplifyAdapter, {
      response: { code: 400, headers: { 'x-amzn-RequestId': 'req-hdr-only', 'X-Amzn-Errortype': 'UnsupportedTokenTypeException' } },
      expect: { outcome: 'error', name: 'UnsupportedTokenTypeException', statusCode: 400, requestId: 'req-hdr-only' },
      tags: ['C19'],
      level: 'should',
    });
    expect(headerOnly.outcome).toMatchObject({ kind: 'rejected', error: { name: 'SyntaxError', hasMetadata: false } });
    expect(failedChecks(headerOnly)).toEqual(['C19', 'A5']);
  });
});

describe('the amplify-v6 lane can fail', () => {
  it('catches an adapter that drops ClientId before Amplify serialises the input (C8)', async () => {
    const dropsClientId: Adapter = {
      ...amplifyAdapter,
      name: 'amplify-v6 dropping ClientId',
      revokeToken: ({ ClientId: _dropped, ...rest }, context) => amplifyAdapter.revokeToken(rest, context),
    };
    const result = await run(dropsClientId, WIRE_VARIANTS.success);
    expect(result.status).toBe('fail');
    expect(failedChecks(result)).toContain('C8');
  });

  it('catches a client configured for more attempts than it declares (A3)', async () => {
    const overRetrying = createAmplifyAdapter({ maxAttempts: 5, capabilities: { clientSecret: false, cancellation: true, retries: true, maxAttempts: 3 } });
    const result = await run(overRetrying, WIRE_VARIANTS.namespacedType);
    expect(result.requestCount).toBe(5);
    expect(result.status).toBe('fail');
    expect(failedChecks(result)).toContain('A3');
  });
});

// Why the lane drives createRevokeTokenClient and not signOut(): signOut builds the same client
// and sends the same request, but hides every outcome from its caller.
describe('signOut reaches the same RevokeToken client', () => {
  const storage = new Map<string, string>();
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  // An access token as Cognito issues one for a revocable session: origin_jti is what signOut checks.
  const accessToken = `${base64url({ alg: 'none' })}.${base64url({ origin_jti: 'jti-1', sub: 'user-1', exp: 4_102_444_800, iat: 1_700_000_000, username: 'alice' })}.sig`;

  const signOutAdapter: Adapter = {
    name: 'signOut (@aws-amplify/auth)',
    capabilities: { clientSecret: false },
    async revokeToken(input) {
      Amplify.configure({ Auth: { Cognito: { userPoolId: `${REGION}_example`, userPoolClientId: input.ClientId!, userPoolEndpoint: ENDPOINT } } });
      cognitoUserPoolsTokenProvider.setAuthConfig(Amplify.getConfig().Auth!);
      const prefix = `CognitoIdentityServiceProvider.${input.ClientId}`;
      storage.set(`${prefix}.LastAuthUser`, 'alice');
      storage.set(`${prefix}.alice.accessToken`, accessToken);
      storage.set(`${prefix}.alice.refreshToken`, input.Token!);
      await signOut();
      return {};
    },
  };

  beforeAll(() => {
    cognitoUserPoolsTokenProvider.setKeyValueStorage({
      setItem: async (key, value) => void storage.set(key, value),
      getItem: async (key) => storage.get(key) ?? null,
      removeItem: async (key) => void storage.delete(key),
      clear: async () => storage.clear(),
    });
  });

  /** A request without what differs per call or per caller (invocation id, user-agent action, member order). */
  const comparable = ({ headers, body, ...request }: CapturedRequest) => {
    const { 'amz-sdk-invocation-id': _id, 'x-amz-user-agent': _agent, ...stable } = headers;
    return { ...request, headers: stable, body: JSON.parse(body) as unknown };
  };

  it('sends the request the adapter sends, and swallows the error the adapter surfaces', async () => {
    const viaSignOut = await run(signOutAdapter, WIRE_VARIANTS.modeledError);
    const [signOutRequest] = lastRequests();
    const viaAdapter = await run(amplifyAdapter, WIRE_VARIANTS.modeledError);
    const [adapterRequest] = lastRequests();
    expect(viaSignOut.requestCount).toBe(1);
    expect(comparable(signOutRequest!)).toEqual(comparable(adapterRequest!));
    expect(signOutRequest!.headers['x-amz-user-agent']).toMatch(/^aws-amplify\/6\..* auth\/\d+/);
    expect(viaAdapter.outcome).toMatchObject({ kind: 'rejected', error: { name: 'UnsupportedTokenTypeException' } });
    // signOut resolves whatever the service says: an error-decoding lane cannot be built on it.
    expect(viaSignOut.outcome).toEqual({ kind: 'resolved', value: {} });
    expect(failedChecks(viaSignOut)).toContain('C13');
  });
});
