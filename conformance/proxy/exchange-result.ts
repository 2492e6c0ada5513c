import type { Verdict } from '../judging/check.ts';
import { cleanVerdict } from '../redaction/clean-verdict.ts';
import type { SensitiveValues } from '../redaction/redact.ts';
import { ExchangeRedactor, keepExchanges } from '../run/captured-exchange.ts';
import { classify } from '../run/expectations.ts';
import type { Result } from '../run/result.ts';
import { SERVER_SECRET_MEMBERS } from '../server/run/captured-steps.ts';
import { shorten } from '../server/wire/exchange.ts';
import type { ObservedExchange } from './observe.ts';

/** What the reports say instead of a replay line: live traffic is replayed by sending it again. */
export const LIVE_REPLAY = 'live traffic: send the request through the proxy again (record it with --record to keep it as a fixture)';

/**
 * One exchange as every reporter receives it: its verdicts redacted with every sensitive value
 * the proxy has seen, then shortened; a failing one keeps the exchange itself, redacted and capped.
 */
export function exchangeResult(
  observed: ObservedExchange,
  verdicts: readonly Verdict[],
  options: { sensitive: SensitiveValues; counted: (v: Verdict) => boolean; upstream: string },
): Result {
  const tidy = (text: string) => shorten(options.sensitive.redact(text));
  const cleaned = verdicts.map((v) => cleanVerdict(v, tidy));
  const failed = cleaned.some((v) => v.status === 'fail');
  const id = `exchange-${observed.index}-${observed.operation.replace(/[^A-Za-z0-9]/g, '') || 'unknown'}`;
  const result: Result = {
    id,
    kind: 'scripted',
    level: 'must',
    documentation: `${observed.request.method} ${observed.operation} through the proxy to ${options.upstream}`,
    origin: `proxy -> ${options.upstream}`,
    classified: classify(id, cleaned, [], options.counted),
    verdicts: cleaned,
    replay: LIVE_REPLAY,
    warnings: cleaned.filter((v) => v.status === 'fail' && !options.counted(v)),
    durationMs: Math.round(observed.latencyMs),
  };
  if (!failed) return result;
  const redactor = new ExchangeRedactor({
    enabled: options.sensitive.enabled,
    sensitive: options.sensitive,
    memberNames: SERVER_SECRET_MEMBERS,
    values: observed.secrets,
  });
  const { request, response, failure } = observed.exchange;
  const kept = keepExchanges(
    [
      {
        label: `exchange ${observed.index}`,
        request: { method: request.method, path: request.path, headers: request.headers, body: observed.request.body, bodyBytes: observed.request.bodyBytes },
        ...(response ? { response: { status: response.status, headers: response.headers, body: response.text } } : {}),
        ...(failure ? { noResponse: `${failure.kind}: ${failure.detail}` } : {}),
      },
    ],
    redactor,
  );
  return kept ? { ...result, exchanges: kept } : result;
}
