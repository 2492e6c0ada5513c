// Builders for the checks' own tests: an exchange as the wire would record it.
import type { Verdict } from '../../judging/check.ts';
import { judge } from '../../judging/judge.ts';
import type { ReceivedResponse } from '../wire/exchange.ts';
import type { ExpectedOutcome, ServerCheck, ServerObservation } from './server-check.ts';

/** @internal */
export interface AnswerSpec {
  status?: number;
  headers?: Record<string, string>;
  /** A string goes out as is; anything else as JSON. */
  body?: unknown;
}

/** A response with the reference server's headers unless told otherwise. @internal */
export function answer(spec: AnswerSpec = {}): ReceivedResponse {
  const text = spec.body === undefined ? '' : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'f00d', ...spec.headers };
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  const body = new TextEncoder().encode(text);
  return { status: spec.status ?? 200, headers, body, text, truncated: false };
}

/** @internal */
export function observe(
  response: ReceivedResponse | 'timeout',
  options: { expected?: ExpectedOutcome; operation?: string; sensitive?: string[] } = {},
): ServerObservation {
  const request = { method: 'POST', path: '/', headers: {}, body: new Uint8Array(0) };
  return {
    operation: options.operation ?? 'RevokeToken',
    exchange: response === 'timeout' ? { request, failure: { kind: 'timeout', detail: 'no answer within 50 ms' } } : { request, response },
    expected: options.expected ?? { kind: 'observe' },
    sensitive: options.sensitive ?? [],
    timeoutMs: 50,
  };
}

/** The verdicts of one check, or undefined when it does not apply. @internal */
export function verdictOf(check: ServerCheck, observation: ServerObservation): Verdict | undefined {
  return judge([check], observation)[0];
}
