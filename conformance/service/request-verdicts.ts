import type { RevokeTokenInput } from '../adapters/contract.ts';
import type { Observation } from '../checks/check.ts';
import { REQUEST_CHECKS } from '../checks/index.ts';
import type { Fixture } from '../fixtures/types.ts';
import type { Verdict } from '../judging/check.ts';
import { judge } from '../judging/judge.ts';
import { redactorFor, sensitiveMembersOfBody } from '../redaction/redact.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

// The request checks look at neither; an observation needs them all the same.
const NO_CAPABILITIES = { clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false, maxAttempts: 1 };

/** The members of a body that is a JSON object, else none: what the caller is taken to have set. */
function membersOf(body: string): RevokeTokenInput {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RevokeTokenInput) : {};
  } catch {
    return {};
  }
}

/**
 * Judges one request with the suite's request checks. `params` are the members the caller
 * set, compared one by one with the body (C8, C9); without them the body's own members are
 * taken as meant, so only its form is judged (a JSON object, valid against the schema).
 * Verdicts quote no token or secret: whatever the request carried in sensitive members is redacted.
 */
export function requestVerdicts(
  request: CapturedRequest,
  fixture: Pick<Fixture, 'id' | 'level' | 'tags' | 'response' | 'expect'>,
  params?: RevokeTokenInput,
): Verdict[] {
  const meant = params ?? membersOf(request.body);
  const observation: Observation = {
    case: { ...fixture, params: meant, origin: { kind: 'fixture', file: fixture.id } },
    requests: [request],
    outcome: { kind: 'resolved', value: undefined },
    capabilities: NO_CAPABILITIES,
  };
  const redact = redactorFor(meant, true, sensitiveMembersOfBody(request.body));
  return judge(REQUEST_CHECKS, observation).map((v) => ({
    ...v,
    ...(v.expected !== undefined ? { expected: redact(v.expected) } : {}),
    ...(v.actual !== undefined ? { actual: redact(v.actual) } : {}),
  }));
}

/** One failed verdict as a line: `C4 (title): expected X, got Y`. */
export function describeFailure(v: Verdict): string {
  return `${v.check} (${v.title}): expected ${v.expected ?? '?'}, got ${v.actual ?? '?'}`;
}
