import { REDACTED } from '../../report/redact.ts';

// Below this length a value is only replaced where it stands quoted: a short generated
// ClientId such as "a" must not blank out every "a" of a report.
const BARE_MIN_LENGTH = 6;

/**
 * Every secret a run handles: tokens it obtained, client ids and secrets it created, the
 * user's name and password, and the sensitive members of generated requests. Anything the run
 * reports passes through `redact` first, so none of them reaches a report or a log, whatever a
 * server echoes back.
 * @internal
 */
export class SensitiveValues {
  readonly #values = new Set<string>();
  #sorted: string[] | undefined;
  readonly enabled: boolean;

  constructor(enabled = true) {
    this.enabled = enabled;
  }

  add(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (typeof value !== 'string' || value === '' || this.#values.has(value)) continue;
      this.#values.add(value);
      this.#sorted = undefined;
    }
  }

  /** The text with every known value replaced, longest first so that no fragment survives. */
  redact(text: string): string {
    if (!this.enabled || this.#values.size === 0) return text;
    this.#sorted ??= [...this.#values].sort((a, b) => b.length - a.length);
    let out = text;
    for (const value of this.#sorted) {
      if (!out.includes(value) && !out.includes(JSON.stringify(value).slice(1, -1))) continue;
      out = out.split(JSON.stringify(value)).join(JSON.stringify(REDACTED));
      if (value.length >= BARE_MIN_LENGTH) {
        out = out.split(value).join(REDACTED);
        const escaped = JSON.stringify(value).slice(1, -1);
        if (escaped !== value) out = out.split(escaped).join(REDACTED);
      }
    }
    return out;
  }

  /** A JSON-like value with every string redacted, for counterexamples. */
  redactValue<T>(value: T): T {
    if (!this.enabled) return value;
    return JSON.parse(this.redact(JSON.stringify(value) ?? 'null')) as T;
  }
}
