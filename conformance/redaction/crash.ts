import { describeThrown, redactAndClean } from './adapter-text.ts';
import type { SensitiveValues } from './redact.ts';

/** The longest crash message shown: room for a stack, still bounded. @internal */
const MAX_CRASH_CHARS = 8_000;

/** A harness error that carries its own already-redacted text and nothing else. @internal */
export class RedactedCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedactedCrash';
    // The message already holds the stack that matters; the harness's own would only repeat it.
    this.stack = message;
  }
}

/**
 * A crash of a run as it may be shown: what was thrown (read without throwing again), with its
 * stack, redacted against every value the run has seen, and made safe to show. The original
 * error is not kept as the cause: printing a cause would print its unredacted message.
 * @internal
 */
export function redactedCrash(error: unknown, seen: SensitiveValues): RedactedCrash {
  if (error instanceof RedactedCrash) return error;
  return new RedactedCrash(redactAndClean(describeThrown(error, true), (text) => seen.redact(text), MAX_CRASH_CHARS));
}
