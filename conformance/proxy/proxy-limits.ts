import { MAX_RESPONSE_BYTES } from '../server/wire/send-once.ts';

/**
 * The bounds of the judging proxy, stated once so that the banner, `--help` and the verdicts
 * quote the same numbers. Nothing the proxy holds grows with what a client or upstream sends.
 */
export const PROXY_LIMITS = {
  /** A request body past this is refused with 413 and never forwarded (a RevokeToken body is under 1 KiB). */
  requestBodyBytes: 1024 * 1024,
  /** An answer past this is not relayed: the client gets a 502 and the exchange fails H1. */
  answerBodyBytes: MAX_RESPONSE_BYTES,
  /** Default real time the upstream has for one whole answer, body included. */
  upstreamTimeoutMs: 10_000,
  /** Exchanges kept for the reports; past this the oldest passing ones are dropped, failures are kept. */
  keptResults: 10_000,
} as const;

/** The caps as one sentence, for the banner and the README. */
export function describeLimits(timeoutMs: number): string {
  const mib = (bytes: number) => `${bytes / (1024 * 1024)} MiB`;
  return `request bodies up to ${mib(PROXY_LIMITS.requestBodyBytes)}, answers up to ${mib(PROXY_LIMITS.answerBodyBytes)}, ${timeoutMs} ms per answer; redirects are never followed`;
}
