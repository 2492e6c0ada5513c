import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../adapters/contract.ts';
import type { Case } from '../fixtures/case.ts';
import { judge } from '../judging/judge.ts';
import { shapeOfEndpoint } from '../model/endpoints.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';
import type { Observation, Outcome } from './check.ts';
import { errorNameRule } from './error-name.ts';
import { CLIENT_CHECKS } from './index.ts';

const params = { Token: 'fake-refresh-token-for-unit-tests', ClientId: 'exampleclientid1' };

function request(overrides: Partial<CapturedRequest> = {}): CapturedRequest {
  const body = JSON.stringify(params);
  return {
    method: 'POST',
    url: 'https://cognito-idp.us-east-1.amazonaws.com/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken',
      'content-length': String(body.length),
    },
    body,
    bodyBytes: body.length,
    transport: 'loopback',
    ...overrides,
  };
}

function observe(options: { case?: Partial<Case>; requests?: CapturedRequest[]; outcome?: Outcome; retries?: boolean }): Observation {
  const testCase: Case = {
    id: 'unit',
    level: 'must',
    tags: [],
    params,
    response: { code: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{}' },
    expect: { outcome: 'success' },
    origin: { kind: 'fixture', file: 'unit' },
    ...options.case,
  };
  return {
    case: testCase,
    requests: options.requests ?? [request()],
    outcome: options.outcome ?? { kind: 'resolved', value: {} },
    capabilities: resolveCapabilities({ name: 'unit', revokeToken: async () => ({}), capabilities: { retries: options.retries ?? false } }),
  };
}

const failed = (o: Observation) =>
  judge(CLIENT_CHECKS, o)
    .filter((v) => v.status === 'fail')
    .map((v) => v.check);

describe('the client checks', () => {
  it('pass a correct exchange', () => {
    expect(failed(observe({}))).toEqual([]);
  });

  it('A2 wants an aborted call to reject on the abort, not after a timer of its own', () => {
    const aborted = (afterAbortMs: number): Observation => ({
      ...observe({
        case: { response: 'hang', mode: 'cancel', expect: { outcome: 'error' } },
        outcome: { kind: 'rejected', error: { name: 'AbortError', message: 'aborted', hasMetadata: false } },
      }),
      abortedAfterRequests: 1,
      afterAbortMs,
    });
    expect(failed(aborted(0))).toEqual([]);
    expect(failed(aborted(10))).toEqual([]);
    // A back-off slept out (or started to retry the aborted attempt) before the rejection.
    expect(failed(aborted(100))).toEqual(['A2']);
  });

  it('each catch the one thing it is about', () => {
    expect(failed(observe({ requests: [request({ method: 'PUT' })] }))).toEqual(['C1']);
    expect(failed(observe({ requests: [request({ url: 'https://cognito-idp.us-east-1.amazonaws.com/?x=1' })] }))).toEqual(['C2']);
    expect(failed(observe({ requests: [request({ headers: { ...request().headers, 'content-type': 'application/json' } })] }))).toEqual(['C3']);
    expect(failed(observe({ requests: [request({ headers: { ...request().headers, 'x-amz-target': 'CognitoIdentityProvider.RevokeToken' } })] }))).toEqual([
      'C4',
    ]);
    expect(failed(observe({ requests: [request({ headers: { ...request().headers, authorization: 'AWS4-HMAC-SHA256 ...' } })] }))).toEqual(['C6']);
    expect(failed(observe({ requests: [request(), request()] }))).toEqual(['A1']);
    expect(failed(observe({ outcome: { kind: 'unsettled', afterMs: 10 } }))).toEqual(['C12', 'A4']);
  });

  it('judge the error name under C14 when the header, code and __type name different errors, whatever else the case is tagged with', () => {
    const answer = (headers: Record<string, string>, body: Record<string, string>): Partial<Case> => ({
      tags: ['C15', 'C20'],
      expect: { outcome: 'error', name: 'UnauthorizedException' },
      response: { code: 400, headers, body: JSON.stringify(body) },
    });
    expect(errorNameRule(observe({ case: answer({ 'X-Amzn-Errortype': 'UnauthorizedException:' }, { __type: 'ForbiddenException' }) }))).toBe('C14');
    expect(errorNameRule(observe({ case: answer({}, { code: 'UnauthorizedException', __type: 'ForbiddenException' }) }))).toBe('C14');
    // The observed Cognito wire names one error twice: no disagreement, so the most specific tag.
    expect(errorNameRule(observe({ case: answer({ 'x-amzn-ErrorType': 'UnauthorizedException:' }, { __type: 'ns#UnauthorizedException' }) }))).toBe('C15');
  });

  it('judge Content-Length as missing only where a real socket shows it', () => {
    const { 'content-length': _dropped, ...headers } = request().headers;
    expect(failed(observe({ requests: [request({ headers })] }))).toEqual(['C5']);
    expect(failed(observe({ requests: [request({ headers, transport: 'intercepted' })] }))).toEqual([]);
  });

  it('judge the error name under the most specific rule the case is tagged with', () => {
    const error: Partial<Case> = { expect: { outcome: 'error', name: 'UnauthorizedException' }, response: { code: 400, headers: {}, body: '' } };
    expect(errorNameRule(observe({ case: { ...error, tags: ['C15', 'C14'] } }))).toBe('C15');
    expect(errorNameRule(observe({ case: { ...error, tags: ['C14'] } }))).toBe('C14');
    expect(errorNameRule(observe({ case: { ...error, tags: [] } }))).toBe('C20');
    const wrongName = observe({ case: { ...error, tags: ['C19'] }, outcome: { kind: 'rejected', error: { name: '400', message: '', hasMetadata: false } } });
    expect(failed(wrongName)).toEqual(['C19']);
  });

  it('let a client that declares retries repeat a retryable answer, and only that', () => {
    const throttled: Partial<Case> = { response: { code: 429, headers: {}, body: '' }, expect: { outcome: 'error', name: 'TooManyRequestsException' } };
    const rejected: Outcome = { kind: 'rejected', error: { name: 'TooManyRequestsException', message: '', hasMetadata: false } };
    expect(failed(observe({ case: throttled, requests: [request(), request()], outcome: rejected, retries: true }))).toEqual([]);
    expect(failed(observe({ case: throttled, requests: [request(), request()], outcome: rejected }))).toEqual(['A1']);
    expect(failed(observe({ case: throttled, requests: [request(), request(), request(), request()], outcome: rejected, retries: true }))).toEqual(['A3']);
  });

  it('fail C23 and A5 for a crash (decided where the outcome is formed), not for a parser error that keeps the status', () => {
    const nonJson: Partial<Case> = { tags: ['C23'], response: { code: 502, headers: {}, body: '<html>' }, expect: { outcome: 'error', statusCode: 502 } };
    const rejected = (name: string, hasMetadata: boolean, crash?: string): Outcome => ({
      kind: 'rejected',
      error: { name, message: 'x', statusCode: hasMetadata ? 502 : undefined, hasMetadata, ...(crash ? { crash } : {}) },
    });
    expect(failed(observe({ case: nonJson, outcome: rejected('ProcessAdapterError', false, 'the client process failed (exit)') }))).toEqual(['C23', 'A5']);
    expect(failed(observe({ case: nonJson, outcome: rejected('TypeError', false, 'a bare TypeError') }))).toEqual(['C23', 'A5']);
    expect(failed(observe({ case: nonJson, outcome: rejected('SyntaxError', true) }))).toEqual([]);
    expect(failed(observe({ case: nonJson, outcome: rejected('502', true) }))).toEqual([]);
  });

  it('fail A5 on a crash even where the case expects only a status code, and on what a call left behind', () => {
    const statusOnly: Partial<Case> = { response: { code: 504, headers: {}, body: 'x' }, expect: { outcome: 'error', statusCode: 504 } };
    const crash: Outcome = { kind: 'rejected', error: { name: 'SandboxExit', message: 'x', hasMetadata: false, crash: 'process.exit(0)' } };
    expect(failed(observe({ case: statusOnly, outcome: crash }))).toEqual(['A5']);
    expect(failed({ ...observe({}), faults: ['left a real setInterval running (every 1000 ms)'] })).toEqual(['A5']);
  });

  it('fail A4 for a call that settles long after the last answer in virtual time, within the retries allowance otherwise', () => {
    const late = { ...observe({ outcome: { kind: 'resolved', value: {} } }), virtualMs: 60_000, afterLastAnswerMs: 60_000 };
    expect(failed(late)).toEqual(['A4']);
    expect(judge(CLIENT_CHECKS, late).find((v) => v.check === 'A4')?.actual).toMatch(/60000 ms \(virtual\) after the last answer/);
    expect(failed({ ...observe({}), virtualMs: 500, afterLastAnswerMs: 500 })).toEqual([]);
    expect(failed({ ...observe({ retries: true }), virtualMs: 15_000, afterLastAnswerMs: 15_000 })).toEqual([]);
  });

  it('fail A6 for any refused connection, naming the host; not judged where no guard watched', () => {
    expect(failed({ ...observe({}), networkAttempts: ['tcp cognito-idp.us-east-1.amazonaws.com:443'] })).toEqual(['A6']);
    expect(failed({ ...observe({}), networkAttempts: [] })).toEqual([]);
    expect(judge(CLIENT_CHECKS, observe({})).some((v) => v.check === 'A6')).toBe(false);
  });
  it('fail A7 for a request sent anywhere but the endpoint the call was given, in one line naming both places', () => {
    const given = (endpoint: string, url: string) => ({ ...observe({ requests: [request({ url })] }), endpoint });
    const verdict = (o: Observation) => judge(CLIENT_CHECKS, o).find((v) => v.check === 'A7');
    const regional = given('http://127.0.0.1:4566/custom', 'https://cognito-idp.us-east-1.amazonaws.com/');
    expect(failed(regional)).toEqual(['A7']);
    expect(verdict(regional)).toMatchObject({ expected: 'http://127.0.0.1:4566/custom/', actual: 'sent to https://cognito-idp.us-east-1.amazonaws.com/' });
    // Scheme, port, host and base path, each on its own.
    expect(failed(given('http://127.0.0.1:4566', 'https://127.0.0.1:4566/'))).toEqual(['A7']);
    expect(failed(given('http://127.0.0.1:4566', 'http://127.0.0.1/'))).toEqual(['A7']);
    expect(failed(given('https://cognito-idp.cn-north-1.amazonaws.com.cn', 'https://cognito-idp.cn-north-1.amazonaws.com/'))).toEqual(['A7']);
    expect(failed(given('https://example.com/custom-path', 'https://example.com/'))).toEqual(['A7']);
    expect(failed(given('https://example.com/custom-path', 'https://example.com/custom-pathology/'))).toEqual(['A7']);
    // Where it should go.
    for (const [endpoint, url] of [
      ['https://example.com/custom-path', 'https://example.com/custom-path/'],
      ['https://example.com/custom-path/', 'https://example.com/custom-path/'],
      ['http://localhost:9229/', 'http://localhost:9229/'],
      ['https://cognito-idp.us-gov-west-1.amazonaws.com', 'https://cognito-idp.us-gov-west-1.amazonaws.com/'],
    ] as const) {
      expect(failed(given(endpoint, url)), `${endpoint} -> ${url}`).toEqual([]);
    }
    // Not judged without an endpoint (a request judged in a user's own msw setup).
    expect(judge(CLIENT_CHECKS, observe({})).some((v) => v.check === 'A7')).toBe(false);
  });

  it('judge under C2 what follows the endpoint path, and only that', () => {
    const given = (endpoint: string, url: string) => ({ ...observe({ requests: [request({ url })] }), endpoint });
    expect(failed(given('https://example.com/custom-path/', 'https://example.com/custom-path//'))).toEqual(['C2']);
    expect(failed(given('https://example.com/', 'https://example.com//'))).toEqual(['C2']);
    expect(failed(given('https://example.com/custom-path', 'https://example.com/custom-path/RevokeToken'))).toEqual(['C2']);
    expect(failed(given('https://example.com/custom-path', 'https://example.com/custom-path/?Action=RevokeToken'))).toEqual(['C2']);
    // A base path without its slash is Smithy's compliance test, judged by the fixture that pins it (F1).
    expect(failed(given('https://example.com/custom-path', 'https://example.com/custom-path'))).toEqual([]);
    expect(failed(given('https://example.com', 'https://example.com'))).toEqual([]);
    const stopsAtBase = given('https://example.com/custom-path', 'https://example.com/custom-path');
    const pinned = { ...stopsAtBase, case: { ...observe({}).case, request: { uri: '/' }, endpoint: shapeOfEndpoint('https://example.com/custom-path') } };
    expect(judge(CLIENT_CHECKS, pinned).find((v) => v.status === 'fail')).toMatchObject({
      check: 'F1',
      expected: 'uri /custom-path/',
      actual: 'uri /custom-path',
    });
    // Under a drawn endpoint, a fixture's uri `/` is as lenient as C2; anything else under the base path is not.
    expect(failed({ ...stopsAtBase, case: { ...observe({}).case, request: { uri: '/' } } })).toEqual([]);
    const operationPath = given('https://example.com/custom-path', 'https://example.com/custom-path/RevokeToken');
    expect(failed({ ...operationPath, case: { ...observe({}).case, request: { uri: '/' } } })).toEqual(['C2', 'F1']);
  });

  it('fail A8 for a request after the call settled or a timer left on the clock, naming what was left', () => {
    const late = { ...observe({}), afterSettled: { requests: [{ request: request(), afterMs: 0 }], timers: [] } };
    expect(failed(late)).toEqual(['A8']);
    expect(judge(CLIENT_CHECKS, late).find((v) => v.check === 'A8')?.actual).toBe('a request arrived 0 ms (virtual) after the call settled');
    const timer = { ...observe({}), afterSettled: { requests: [], timers: ['setTimeout 30000 ms'] } };
    expect(judge(CLIENT_CHECKS, timer).find((v) => v.check === 'A8')?.actual).toBe('left 1 timer (setTimeout 30000 ms) on the clock');
    expect(failed({ ...observe({}), afterSettled: { requests: [], timers: [] } })).toEqual([]);
    // A call that never settled has nothing "after": the hang is A4's.
    expect(failed({ ...observe({ outcome: { kind: 'unsettled', afterMs: 10 } }), afterSettled: { requests: [], timers: ['setTimeout 5 ms'] } })).toEqual([
      'C12',
      'A4',
    ]);
  });
});
