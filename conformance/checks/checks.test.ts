import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../adapters/contract.ts';
import type { Case } from '../fixtures/case.ts';
import { judge } from '../judging/judge.ts';
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

  it('fail C23 for a bare JavaScript error or a crashed client process, not for a parser error that keeps the status', () => {
    const nonJson: Partial<Case> = { tags: ['C23'], response: { code: 502, headers: {}, body: '<html>' }, expect: { outcome: 'error', statusCode: 502 } };
    const rejected = (name: string, hasMetadata: boolean): Outcome => ({
      kind: 'rejected',
      error: { name, message: 'x', statusCode: hasMetadata ? 502 : undefined, hasMetadata },
    });
    expect(failed(observe({ case: nonJson, outcome: rejected('ProcessAdapterError', false) }))).toEqual(['C23']);
    expect(failed(observe({ case: nonJson, outcome: rejected('TypeError', false) }))).toEqual(['C23']);
    expect(failed(observe({ case: nonJson, outcome: rejected('SyntaxError', true) }))).toEqual([]);
    expect(failed(observe({ case: nonJson, outcome: rejected('502', true) }))).toEqual([]);
  });
});
