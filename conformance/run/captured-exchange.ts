import type { FixtureResponse } from '../fixtures/types.ts';
import { REDACTED, SENSITIVE_MEMBERS, SensitiveValues } from '../redaction/redact.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

/**
 * What a report shows of the HTTP traffic of a failing case: a request and the answer it got,
 * redacted, with bodies and header values capped so that a report stays small whatever a
 * client sends. Only failing cases keep them, and only a few per case (the first and the last).
 */

/** One request as a report shows it. @public */
export interface ShownRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Length of the body as received, in bytes; more than `body` shows when it was cut. */
  bodyBytes: number;
  bodyCut?: true;
}

/** One response as a report shows it. @public */
export interface ShownResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  bodyCut?: true;
}

/** A request and what came back, or why nothing did. @public */
export interface CapturedExchange {
  /** Which request of the case this was: `request 1 of 3`, or the server step's label. */
  label: string;
  request: ShownRequest;
  response?: ShownResponse;
  /** Why there is no response (the service hung on purpose, the server did not answer). */
  noResponse?: string;
}

/** The exchanges a failing case keeps, and how many it had in all. @public */
export interface CapturedExchanges {
  shown: CapturedExchange[];
  total: number;
}

/** An exchange before redaction, as the suite saw it. @internal */
export interface RawExchange {
  label: string;
  request: { method: string; path: string; headers: Readonly<Record<string, string>>; body: string; bodyBytes: number };
  response?: { status: number; headers: Readonly<Record<string, string>>; body: string };
  noResponse?: string;
}

/** Characters of a body a report keeps (after redaction). */
export const BODY_CAP = 4_096;
const HEADER_VALUE_CAP = 512;
const HEADER_COUNT_CAP = 40;
// Above this a body is not parsed as JSON: it is redacted as text, then cut.
const PARSE_CAP = 256 * 1_024;

const SENSITIVE_NAMES: ReadonlySet<string> = new Set(SENSITIVE_MEMBERS.map((name) => name.toLowerCase()));

/** `value` percent-encoded, or undefined when it cannot be (a lone surrogate). */
function percentEncoded(value: string): string | undefined {
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Redacts exchanges: the known sensitive values are removed from every text (also written
 * URL-encoded), a value that is exactly a known one is replaced even when short, and a JSON
 * body is parsed and walked so that every sensitive member is replaced whatever it holds,
 * under any letter case of its name. A body that is not JSON is redacted by the known values.
 * @internal
 */
export class ExchangeRedactor {
  /** The suite's own set (the server suite's), consulted first; never added to here. */
  readonly #shared: SensitiveValues | undefined;
  readonly #values: SensitiveValues;
  readonly #exact = new Set<string>();
  readonly #enabled: boolean;
  readonly #memberNames: ReadonlySet<string>;

  /** `memberNames`: more JSON members replaced whatever they hold (the server suite's passwords and tokens). */
  constructor(options: { enabled: boolean; values?: ReadonlyArray<unknown>; sensitive?: SensitiveValues; memberNames?: readonly string[] }) {
    this.#enabled = options.enabled;
    this.#memberNames = new Set([...SENSITIVE_NAMES, ...(options.memberNames ?? []).map((name) => name.toLowerCase())]);
    this.#shared = options.sensitive;
    this.#values = new SensitiveValues(options.enabled);
    for (const value of options.values ?? []) {
      if (typeof value !== 'string' || value === '') continue;
      this.#exact.add(value);
      this.#values.add(value);
      // A string with a lone surrogate (a caller's input may have one) has no percent-encoding:
      // encodeURIComponent throws on it, and no request can carry it encoded either.
      const encoded = percentEncoded(value);
      if (encoded !== undefined && encoded !== value) this.#values.add(encoded);
    }
  }

  text(text: string): string {
    if (!this.#enabled) return text;
    if (this.#exact.has(text)) return REDACTED;
    return this.#values.redact(this.#shared ? this.#shared.redact(text) : text);
  }

  /** A body: JSON walked member by member and written again (indented), anything else as text. */
  body(body: string): string {
    if (!this.#enabled || body.trim() === '' || body.length > PARSE_CAP) return this.text(body);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return this.text(body);
    }
    try {
      return JSON.stringify(this.#walk(parsed), null, 2);
    } catch {
      // Nesting too deep to write again: nothing of it is shown rather than a body half redacted.
      return `(a JSON body nested too deeply to show, ${body.length} characters)`;
    }
  }

  /** A copy of a parsed JSON value, built with a stack: a hostile body may nest thousands of levels. */
  #walk(root: unknown): unknown {
    const holder: { value?: unknown } = {};
    const pending: Array<{ node: unknown; assign: (value: unknown) => void; key?: string }> = [{ node: root, assign: (v) => (holder.value = v) }];
    while (pending.length > 0) {
      const { node, assign, key } = pending.pop()!;
      if (key !== undefined && this.#memberNames.has(key.toLowerCase()) && node !== null) assign(REDACTED);
      else if (typeof node === 'string') assign(this.text(node));
      else if (Array.isArray(node)) {
        const copy: unknown[] = new Array(node.length);
        assign(copy);
        node.forEach((item, index) => {
          pending.push({ node: item, assign: (v) => (copy[index] = v) });
        });
      } else if (node !== null && typeof node === 'object') {
        // No prototype: a member named __proto__ stays a member.
        const copy: Record<string, unknown> = Object.create(null);
        assign(copy);
        for (const [name, member] of Object.entries(node)) {
          const shownName = this.text(name);
          pending.push({ node: member, key: name, assign: (v) => (copy[shownName] = v) });
        }
      } else assign(node);
    }
    return holder.value;
  }

  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    const entries = Object.entries(headers);
    const shown = entries.slice(0, HEADER_COUNT_CAP).map(([name, value]) => [this.text(name), cap(this.text(value), HEADER_VALUE_CAP).text]);
    if (entries.length > HEADER_COUNT_CAP) shown.push(['…', `${entries.length - HEADER_COUNT_CAP} more headers not shown`]);
    return Object.fromEntries(shown);
  }

  exchange(raw: RawExchange): CapturedExchange {
    const requestBody = cap(this.body(raw.request.body), BODY_CAP);
    const request: ShownRequest = {
      method: cap(this.text(raw.request.method), 64).text,
      path: cap(this.text(raw.request.path), 1_024).text,
      headers: this.headers(raw.request.headers),
      body: requestBody.text,
      bodyBytes: raw.request.bodyBytes,
      ...(requestBody.cut ? { bodyCut: true as const } : {}),
    };
    const out: CapturedExchange = { label: raw.label, request };
    if (raw.response) {
      const responseBody = cap(this.body(raw.response.body), BODY_CAP);
      out.response = {
        status: raw.response.status,
        headers: this.headers(raw.response.headers),
        body: responseBody.text,
        ...(responseBody.cut ? { bodyCut: true as const } : {}),
      };
    }
    if (raw.noResponse !== undefined) out.noResponse = cap(this.text(raw.noResponse), 1_024).text;
    return out;
  }
}

/** Cuts text that has already been redacted: a cut made before could split a secret. */
function cap(text: string, max: number): { text: string; cut: boolean } {
  return text.length > max ? { text: `${text.slice(0, max)}…`, cut: true } : { text, cut: false };
}

/** The first and the last of a case's exchanges, redacted. @internal */
export function keepExchanges(raw: readonly RawExchange[], redactor: ExchangeRedactor): CapturedExchanges | undefined {
  if (raw.length === 0) return undefined;
  const picked = raw.length <= 2 ? raw : [raw[0]!, raw[raw.length - 1]!];
  return { shown: picked.map((exchange) => redactor.exchange(exchange)), total: raw.length };
}

/**
 * The client suite's exchanges: each request the fake service captured, answered with the
 * case's response (every attempt gets the same one), or not at all for a case that hangs.
 * @internal
 */
export function clientExchanges(requests: readonly CapturedRequest[], response: FixtureResponse | 'hang'): RawExchange[] {
  return requests.map((request, index) => {
    const url = new URL(request.url);
    const raw: RawExchange = {
      label: `request ${index + 1} of ${requests.length}`,
      request: { method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers, body: request.body, bodyBytes: request.bodyBytes },
    };
    if (response === 'hang') raw.noResponse = 'the fake service never answered (the case tests a hang)';
    else if (response.fault === 'connection-reset' || response.fault === 'connection-refused')
      raw.noResponse = `no answer: the fake service's ${response.fault}`;
    else raw.response = { status: response.code, headers: response.headers ?? {}, body: response.body ?? '' };
    return raw;
  });
}
