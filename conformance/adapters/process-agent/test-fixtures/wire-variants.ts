// The answers the shim tests drive every client through, as cases for the suite's own engine:
// a FakeService served on 127.0.0.1, runCase, and CLIENT_CHECKS. Nothing here judges a request
// or decodes an answer; the suite's checks do, and each shim's test pins what its client makes
// of each answer.

import { CLIENT_CHECKS } from '../../../checks/index.ts';
import type { Case } from '../../../fixtures/case.ts';
import type { FixtureExpectation } from '../../../fixtures/types.ts';
import type { Verdict } from '../../../judging/check.ts';
import { type CaseResult, type RunEnvironment, runCase } from '../../../run/run-case.ts';
import { FakeService, serveOnLoopback } from '../../../wire/fake-service.ts';
import { type Adapter, type RevokeTokenInput, resolveCapabilities } from '../../contract.ts';

export const REGION = 'us-east-1';

export const INPUT: RevokeTokenInput = {
  Token: 'eyJjdHkiOiJKV1QifQ.fake-refresh-token.sig',
  ClientId: '1example23456789',
  ClientSecret: 'examplesecret0123456789abcdef',
};

/** What a case does to a client; everything but the answer and its expectation has a default. */
export type Scenario = Pick<Case, 'response'> & { expect: FixtureExpectation } & Partial<Pick<Case, 'params' | 'tags' | 'mode' | 'level'>>;

const JSON_11 = { 'Content-Type': 'application/x-amz-json-1.1' };

/**
 * Each answer with what awsJson1_1 says a client must make of it (the tags pick the error-name
 * rule the checks report under). Where a client decodes otherwise, its test says which check fails.
 */
export const WIRE_VARIANTS = {
  success: { response: { code: 200, headers: { ...JSON_11, 'x-amzn-RequestId': 'req-success-1' }, body: '{}' }, expect: { outcome: 'success' } },
  modeledError: {
    response: {
      code: 400,
      headers: { ...JSON_11, 'x-amzn-RequestId': 'req-modeled-2' },
      body: '{"__type":"UnsupportedTokenTypeException","message":"Unsupported token type"}',
    },
    expect: { outcome: 'error', name: 'UnsupportedTokenTypeException', message: 'Unsupported token type', statusCode: 400, requestId: 'req-modeled-2' },
  },
  headerOnlyError: {
    response: {
      code: 400,
      headers: {
        ...JSON_11,
        'x-amzn-RequestId': 'req-header-3',
        'x-amzn-ErrorType': 'UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognitoidentityprovider/',
      },
      body: '{"message":"Unauthorized via the header"}',
    },
    expect: { outcome: 'error', name: 'UnauthorizedException', message: 'Unauthorized via the header', statusCode: 400, requestId: 'req-header-3' },
    tags: ['C14'],
  },
  html502: {
    response: { code: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
    expect: { outcome: 'error', statusCode: 502 },
    tags: ['C23'],
  },
  /** The header and __type name different errors: the header wins (C14). */
  headerAndTypeDisagree: {
    response: {
      code: 400,
      headers: { ...JSON_11, 'x-amzn-RequestId': 'req-both-5', 'x-amzn-ErrorType': 'UnauthorizedException' },
      body: '{"__type":"InvalidParameterException","message":"Both places"}',
    },
    expect: { outcome: 'error', name: 'UnauthorizedException', message: 'Both places', statusCode: 400, requestId: 'req-both-5' },
    tags: ['C14'],
  },
  namespacedType: {
    response: {
      code: 400,
      headers: { ...JSON_11, 'x-amzn-RequestId': 'req-ns-6' },
      body: '{"__type":"com.amazonaws.cognitoidentityprovider#TooManyRequestsException","Message":"Rate exceeded"}',
    },
    expect: { outcome: 'error', name: 'TooManyRequestsException', message: 'Rate exceeded', statusCode: 400, requestId: 'req-ns-6' },
    tags: ['C15'],
  },
  emptyBody500: {
    response: { code: 500, headers: { 'x-amzn-RequestId': 'req-empty-7' }, body: '' },
    expect: { outcome: 'error', statusCode: 500, requestId: 'req-empty-7' },
    tags: ['C23'],
  },
} satisfies Record<string, Scenario>;

export type VariantName = keyof typeof WIRE_VARIANTS;

/** The fake service on a loopback socket, and runCase wired to it as the runner does for a process adapter. */
export interface Engine {
  readonly service: FakeService;
  /** The loopback origin (what the adapters are started with). */
  readonly endpoint: string;
  /** Drives one scenario through `adapter` in real time; `overrides` change the run environment (endpoint, capabilities). */
  run(adapter: Adapter, scenario: Scenario, overrides?: Partial<RunEnvironment>): Promise<CaseResult>;
  close(): Promise<void>;
}

export async function startEngine(): Promise<Engine> {
  const service = new FakeService();
  const loopback = await serveOnLoopback(service, REGION);
  let count = 0;
  return {
    service,
    endpoint: loopback.url,
    run(adapter, { response, expect, params = INPUT, tags = [], mode, level = 'must' }, overrides = {}) {
      count += 1;
      const c: Case = {
        id: `ShimTestCase${count}`,
        level,
        tags,
        params,
        response,
        expect,
        mode,
        origin: { kind: 'fixture', file: 'conformance/adapters/process (shim tests)' },
      };
      return runCase(c, {
        adapter,
        capabilities: resolveCapabilities(adapter),
        service,
        endpoint: loopback.url,
        region: REGION,
        checks: CLIENT_CHECKS,
        fakeTime: false,
        offerDirectFetch: false,
        // The process adapter's own case time-out (30 s) fires first; nothing here waits on it.
        caseTimeoutMs: 31_000,
        ...overrides,
      });
    },
    close: () => loopback.close(),
  };
}

/** The request rules: what a correct request is, C1..C10. */
export const REQUEST_RULES = CLIENT_CHECKS.filter((check) => isRequestRule(check.rules[0]));

export function isRequestRule(id: string): boolean {
  return /^C([1-9]|10)$/.test(id);
}

/** The ids of the checks that failed, in checklist order. */
export function failedChecks(result: { verdicts: readonly Verdict[] }): string[] {
  return result.verdicts.filter((v) => v.status === 'fail').map((v) => v.check);
}

/** The request rules that failed, with what they expected (readable when a test fails). */
export function requestRuleFailures(result: { verdicts: readonly Verdict[] }): Verdict[] {
  return result.verdicts.filter((v) => v.status === 'fail' && isRequestRule(v.check));
}
