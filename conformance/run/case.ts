import type { RevokeTokenInput } from '../adapters/contract.ts';
import type { FixtureExpectation, FixtureRequest, FixtureResponse } from '../fixtures/types.ts';

export type Level = 'must' | 'should';

/**
 * One thing the suite does to a client: a call with `params`, answered with `response`
 * (every attempt gets the same answer), judged against `expect` and the request rules.
 * Fixtures and property runs both become cases, so they share one engine and one set of checks.
 * @internal
 */
export interface Case {
  id: string;
  documentation?: string;
  level: Level;
  tags: readonly string[];
  params: RevokeTokenInput;
  request?: FixtureRequest;
  /** `hang`: the service never answers (the cancellation and time-out cases). */
  response: FixtureResponse | 'hang';
  expect: FixtureExpectation;
  /** `cancel`: the suite aborts the call as soon as its first request arrives. */
  mode?: 'call' | 'cancel';
  origin: CaseOrigin;
}

export type CaseOrigin =
  | { kind: 'fixture'; file: string }
  | { kind: 'property'; property: string; seed: number; path: string };
