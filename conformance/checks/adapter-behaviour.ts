import { isDeepStrictEqual } from 'node:util';
import { fail, pass } from '../judging/check.ts';
import { endpointBasePath, isRetryableAnswer } from '../protocol/aws-json.ts';
import { type ClientCheck, caseLevel, describeUnsettled, everyRequest, hasRequests, type Observation } from './check.ts';

/** Throttling and transient answers, which clients with retries may repeat. */
export function isRetryableCase(o: Observation): boolean {
  const response = o.case.response;
  if (response === 'hang') return false;
  // A connection that failed before any answer is what SDKs retry first (ECONNRESET and kin); an
  // answer cut short is the same failure a little later, and RevokeToken may be sent again
  // (revoking a token twice answers 200, semantics.md section 8), so retrying it is allowed too.
  if (response.fault !== undefined) return true;
  return isRetryableAnswer({ status: response.code, errorName: o.case.expect.outcome === 'error' ? o.case.expect.name : undefined });
}

export const a1OneRequestPerCall: ClientCheck = {
  name: 'a1OneRequestPerCall',
  rules: ['A1'],
  level: () => 'must',
  // With retries declared, how many requests a call may send is A3's to judge (decisions/0008).
  appliesTo: (o) => o.case.mode !== 'cancel' && !o.case.tags.includes('invalid-input') && !o.capabilities.retries,
  evaluate: (o) => (o.requests.length === 1 ? pass : fail('1 request', `${o.requests.length} requests`)),
};

/**
 * Virtual milliseconds an aborted call may take to reject. "Promptly" means on the abort
 * itself: a client listening to the signal rejects within a few turns and the fake clock does
 * not move; one that sleeps out its back-off (or backs off to retry the aborted attempt) first
 * makes its caller wait that back-off for nothing, and shows it here.
 */
export const ABORT_ALLOWANCE_MS = 10;

export const a2Cancellation: ClientCheck = {
  name: 'a2Cancellation',
  rules: ['A2'],
  level: () => 'must',
  appliesTo: (o) => o.case.mode === 'cancel',
  evaluate: (o) => {
    if (o.outcome.kind !== 'rejected') return fail('rejected after the abort', o.outcome.kind === 'resolved' ? 'resolved' : describeUnsettled(o.outcome));
    const sentAfter = o.requests.length - (o.abortedAfterRequests ?? 0);
    if (sentAfter !== 0) return fail('no request after the abort', `${sentAfter} more request(s)`);
    if (o.afterAbortMs !== undefined && o.afterAbortMs > ABORT_ALLOWANCE_MS) {
      return fail(
        `rejected within ${ABORT_ALLOWANCE_MS} ms (virtual) of the abort`,
        `rejected ${o.afterAbortMs} ms (virtual) after the abort: the client waited on a timer first`,
      );
    }
    return pass;
  },
};

export const a3RetryBound: ClientCheck = {
  name: 'a3RetryBound',
  rules: ['A3'],
  level: (o) => (o.requests.length > o.capabilities.maxAttempts ? 'must' : 'should'),
  appliesTo: (o) => o.capabilities.retries && o.case.mode !== 'cancel' && o.case.response !== 'hang' && hasRequests(o),
  evaluate: (o) => {
    const bound = isRetryableCase(o) ? o.capabilities.maxAttempts : 1;
    if (o.requests.length <= bound) return pass;
    const why = isRetryableCase(o) ? `at most ${bound} requests (declared maxAttempts)` : '1 request: this answer is not retryable';
    return fail(why, `${o.requests.length} requests`);
  },
};

/**
 * Virtual milliseconds a call may still take after the service's last answer. Without retries
 * there is nothing left to wait for; with retries, at most one back-off delay before the client
 * gives up (20 s is the SDKs' cap on one delay). A call that settles only when a long timer of
 * its own fires would make its caller wait that long (decisions/0011-isolation.md).
 */
export function afterAnswerAllowanceMs(capabilities: Observation['capabilities']): number {
  return capabilities.retries ? 20_000 : 1_000;
}

export const a4Settles: ClientCheck = {
  name: 'a4Settles',
  rules: ['A4'],
  level: () => 'must',
  appliesTo: (o) => o.case.response !== 'hang' && o.case.mode !== 'cancel',
  evaluate: (o) => {
    if (o.outcome.kind === 'unsettled') return fail('settled', describeUnsettled(o.outcome));
    const allowance = afterAnswerAllowanceMs(o.capabilities);
    if (o.afterLastAnswerMs !== undefined && o.afterLastAnswerMs > allowance) {
      return fail(
        `settles within ${allowance} ms (virtual) of the last answer`,
        `${o.outcome.kind} ${o.afterLastAnswerMs} ms (virtual) after the last answer; the call took ${o.virtualMs ?? o.afterLastAnswerMs} ms of virtual time`,
      );
    }
    return pass;
  },
};

export const a5NoCrash: ClientCheck = {
  name: 'a5NoCrash',
  rules: ['A5'],
  level: () => 'must',
  // Every case, whatever it expects: a crash has no status, and must not skip a check for that.
  appliesTo: () => true,
  evaluate: (o) => {
    if (o.outcome.kind === 'rejected' && o.outcome.error.crash !== undefined) return fail("the client's own result or decoded error", o.outcome.error.crash);
    if (o.faults && o.faults.length > 0) return fail('nothing left behind by the call', o.faults.join('; '));
    return pass;
  },
};

function headerMap(headers: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

export const f1FixtureRequest: ClientCheck = {
  name: 'f1FixtureRequest',
  rules: ['F1'],
  level: caseLevel,
  appliesTo: (o) => o.case.request !== undefined && hasRequests(o),
  evaluate: everyRequest((r, o) => {
    const expected = o.case.request!;
    if (expected.method !== undefined && r.method !== expected.method) return fail(`method ${expected.method}`, `method ${r.method}`);
    if (expected.uri !== undefined) {
      // A fixture's uri is the path after the call's endpoint's own: `/` is `/custom-path/` under `https://example.com/custom-path`.
      const base = o.endpoint === undefined ? '' : endpointBasePath(o.endpoint);
      const uri = `${base}${expected.uri}`;
      const sent = new URL(r.url).pathname;
      // Under an endpoint the suite drew, stopping at its base path is C2's leniency too: only a fixture that pins its endpoint is about that `/`.
      const stopsAtBase = base !== '' && sent === base && expected.uri === '/' && o.case.endpoint?.pinned !== true;
      if (sent !== uri && !stopsAtBase) return fail(`uri ${uri}`, `uri ${sent}`);
    }
    for (const [name, value] of headerMap(expected.headers ?? {})) {
      if (r.headers[name] !== value) return fail(`${name}: ${value}`, r.headers[name] === undefined ? `no ${name}` : `${name}: ${r.headers[name]}`);
    }
    for (const name of expected.forbidHeaders ?? []) {
      if (r.headers[name.toLowerCase()] !== undefined) return fail(`no ${name} header`, `${name} present`);
    }
    for (const name of expected.requireHeaders ?? []) {
      // Content-Length may be added below the layer an in-process capture sees (see C5).
      if (r.headers[name.toLowerCase()] === undefined && !(name.toLowerCase() === 'content-length' && r.transport !== 'loopback')) {
        return fail(`a ${name} header`, `no ${name}`);
      }
    }
    if (expected.body !== undefined) {
      if (expected.bodyMediaType === 'application/json') {
        let actual: unknown;
        try {
          actual = r.body === '' ? undefined : JSON.parse(r.body);
        } catch {
          return fail(`JSON body ${expected.body}`, `not JSON: ${r.body.slice(0, 60)}`);
        }
        if (!isDeepStrictEqual(actual, JSON.parse(expected.body))) return fail(`body ${expected.body}`, `body ${r.body}`);
      } else if (r.body !== expected.body) return fail(`body ${expected.body}`, `body ${r.body}`);
    }
    return pass;
  }),
};
