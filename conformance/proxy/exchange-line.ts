import type { Result } from '../run/result.ts';
import type { ObservedExchange } from './observe.ts';

/**
 * One line per exchange, printed as it completes: its number, operation, status, verdict, the
 * rules it broke (should-level ones apart) and how long the upstream took. It quotes no value
 * of the request or the answer, so nothing in it needs redacting.
 */
export function exchangeLine(observed: ObservedExchange, result: Result): string {
  const status = observed.exchange.response ? String(observed.exchange.response.status) : `no answer (${observed.exchange.failure?.kind})`;
  const kind = result.classified.kind;
  const broken = kind === 'fail' ? [...new Set(result.classified.failures.map((v) => v.check))] : [];
  const warned = [...new Set(result.warnings.map((v) => v.check))];
  const verdict = kind === 'fail' ? `FAIL ${broken.join(' ')}` : 'pass';
  const judgedBy = observed.revokeToken ? 'client and server rules' : 'every-answer rules';
  return `#${observed.index} ${observed.request.method} ${observed.operation} -> ${status}  ${verdict}${warned.length > 0 ? `  (should: ${warned.join(' ')})` : ''}  ${Math.round(observed.latencyMs)} ms  [${judgedBy}]`;
}
