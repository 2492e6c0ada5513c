import { revokeToken } from '../model/contract.ts';

/**
 * The one redaction of the suite, for both directions and every output: reports, logs, a
 * process client's stderr, crash messages. Values are collected in a SensitiveValues set and
 * removed from text (bare, quoted or JSON-escaped) and from structures (walked, never edited
 * as serialised text: a replacement inside JSON text can break it).
 */

/** What a removed value reads as. @public */
export const REDACTED = '[redacted]';

/** The request members the model marks `@sensitive`: Token, ClientId, ClientSecret. @public */
export const SENSITIVE_MEMBERS: readonly string[] = revokeToken.input.members.filter((member) => member.sensitive).map((member) => member.name);

/** The sensitive member names in lower case: a client that sends `clientId` still sends a client id. */
const SENSITIVE_NAMES: ReadonlySet<string> = new Set(SENSITIVE_MEMBERS.map((name) => name.toLowerCase()));

// Below this length a value is only replaced where it stands quoted: a one-letter ClientId
// such as "a" must not blank out every "a" of a report.
const BARE_MIN_LENGTH = 6;

/**
 * A set of values that must not appear in any output. Anything reported passes through
 * `redact` (text) or `redactValue` (a structure) first.
 * @public
 */
export class SensitiveValues {
  readonly #values = new Set<string>();
  #sorted: string[] | undefined;
  readonly enabled: boolean;

  constructor(enabled = true) {
    this.enabled = enabled;
  }

  add(...values: ReadonlyArray<unknown>): void {
    for (const value of values) {
      if (typeof value !== 'string' || value === '' || this.#values.has(value)) continue;
      this.#values.add(value);
      this.#sorted = undefined;
    }
  }

  /** Adds the sensitive members of a request (or of any record with those member names). */
  addMembersOf(record: object): void {
    this.add(...SENSITIVE_MEMBERS.map((name) => (record as Record<string, unknown>)[name]));
  }

  /** The text with every known value replaced, longest first so that no fragment survives. */
  redact(text: string): string {
    if (!this.enabled || this.#values.size === 0) return text;
    this.#sorted ??= [...this.#values].sort((a, b) => b.length - a.length);
    let out = text;
    for (const value of this.#sorted) {
      const escaped = JSON.stringify(value).slice(1, -1);
      if (!out.includes(value) && !out.includes(escaped)) continue;
      out = out.split(JSON.stringify(value)).join(JSON.stringify(REDACTED));
      if (value.length >= BARE_MIN_LENGTH) {
        out = out.split(value).join(REDACTED);
        if (escaped !== value) out = out.split(escaped).join(REDACTED);
      }
    }
    return out;
  }

  /**
   * A copy of a JSON-like value with every string redacted and every sensitive member
   * replaced whatever it holds, walked member by member.
   */
  redactValue<T>(value: T): T {
    if (!this.enabled) return value;
    const walk = (node: unknown, key?: string): unknown => {
      if (key !== undefined && SENSITIVE_MEMBERS.includes(key) && node !== undefined && node !== null) return REDACTED;
      if (typeof node === 'string') return this.redact(node);
      if (Array.isArray(node)) return node.map((item) => walk(item));
      if (node !== null && typeof node === 'object')
        return Object.fromEntries(Object.entries(node).map(([name, member]) => [this.redact(name), walk(member, name)]));
      return node;
    };
    return walk(value) as T;
  }
}

/**
 * A redactor for one case of the client direction: the sensitive values it was given, and
 * whatever the client sent in those members instead (`sent`).
 * @internal
 */
export function redactorFor(params: object, enabled = true, sent: readonly string[] = []): (text: string) => string {
  const values = new SensitiveValues(enabled);
  values.addMembersOf(params);
  values.add(...sent);
  return (text) => values.redact(text);
}

/**
 * The string values a JSON request body holds in sensitive members, at any depth and under
 * any letter case of the member name (a client that sends `clientId` still sends a client id).
 * A body that is not JSON gives none.
 * @internal
 */
export function sensitiveMembersOfBody(body: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const found: string[] = [];
  // A stack, not recursion: a hostile client may nest its body thousands of levels deep.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) for (const item of node) pending.push(item);
    else if (node !== null && typeof node === 'object') {
      for (const [name, member] of Object.entries(node)) {
        if (SENSITIVE_NAMES.has(name.toLowerCase()) && typeof member === 'string' && member !== '') found.push(member);
        else pending.push(member);
      }
    }
  }
  return found;
}

/** The params with their sensitive members replaced, for structured reports. @internal */
export function redactParams(params: object, enabled = true): Record<string, unknown> {
  if (!enabled) return { ...params };
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, SENSITIVE_MEMBERS.includes(name) && typeof value === 'string' ? REDACTED : value]),
  );
}

/**
 * Replaces the value of every sensitive member written as JSON in a text (`"Token": "..."`),
 * whatever it holds: for lines a process client prints, whose values the harness may not know.
 * @internal
 */
export function redactSensitiveJsonMembers(text: string): string {
  const pattern = new RegExp(`"(${SENSITIVE_MEMBERS.join('|')})"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
  return text.replace(pattern, (_match, key: string, colon: string) => `"${key}"${colon}"${REDACTED}"`);
}
