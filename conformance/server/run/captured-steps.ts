import { judge } from '../../judging/judge.ts';
import type { SensitiveValues } from '../../redaction/redact.ts';
import { type CapturedExchanges, ExchangeRedactor, keepExchanges, type RawExchange } from '../../run/captured-exchange.ts';
import type { JudgedStep } from '../cases/server-case.ts';
import type { ServerCheck } from '../checks/server-check.ts';

/**
 * Members of the server suite's requests and answers that hold secrets besides the three the
 * model marks: the provisioned user's password, its tokens, a secret hash.
 * @internal
 */
export const SERVER_SECRET_MEMBERS = [
  'Username',
  'Password',
  'TemporaryPassword',
  'ProposedPassword',
  'PreviousPassword',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'Session',
  'SecretHash',
  'USERNAME',
  'PASSWORD',
  'NEW_PASSWORD',
  'SECRET_HASH',
  'REFRESH_TOKEN',
];

/**
 * The exchanges a failing server case keeps for its report: the steps that failed a rule (the
 * first and the last of them), or, when no single step did, the case's first and last steps.
 * Redacted with the run's sensitive values and each step's own; judged again per step, which
 * costs nothing next to the requests themselves and happens only for a failing case.
 * @internal
 */
export function failingStepExchanges(steps: readonly JudgedStep[], checks: readonly ServerCheck[], sensitive: SensitiveValues): CapturedExchanges | undefined {
  const failing = steps.filter((step) => judge(checks, step.observation).some((v) => v.status === 'fail'));
  const picked = failing.length > 0 ? failing : steps;
  const redactor = new ExchangeRedactor({
    enabled: sensitive.enabled,
    sensitive,
    memberNames: SERVER_SECRET_MEMBERS,
    values: picked.flatMap((step) => step.observation.sensitive),
  });
  const kept = keepExchanges(picked.map(rawExchangeOf), redactor);
  return kept ? { ...kept, total: steps.length } : undefined;
}

function rawExchangeOf(step: JudgedStep): RawExchange {
  const { request, response, failure } = step.observation.exchange;
  const raw: RawExchange = {
    label: step.label,
    request: {
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: new TextDecoder().decode(request.body),
      bodyBytes: request.body.byteLength,
    },
  };
  if (response)
    raw.response = {
      status: response.status,
      headers: response.headers,
      body: `${response.text}${response.truncated ? '\n… (the server sent more than the suite reads)' : ''}`,
    };
  if (failure) raw.noResponse = `${failure.kind}: ${failure.detail}`;
  return raw;
}
