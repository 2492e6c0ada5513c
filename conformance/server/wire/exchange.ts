/**
 * A request exactly as the suite put it on the wire.
 * @internal
 */
export interface SentRequest {
  method: string;
  /** Path and query as they appear in the request line. */
  path: string;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
}

/**
 * A response exactly as the suite read it off the wire.
 * @internal
 */
export interface ReceivedResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  /** The body decoded as UTF-8, invalid sequences replaced. */
  text: string;
  /** True when the server sent more than the suite reads; `body` then holds the start only. */
  truncated: boolean;
}

/**
 * Why a request got no answer.
 * @internal
 */
export interface NoAnswer {
  kind: 'timeout' | 'connection';
  detail: string;
}

/**
 * One request and what came back: a response, or the reason none did.
 * @internal
 */
export type Exchange =
  | { request: SentRequest; response: ReceivedResponse; failure?: undefined }
  | { request: SentRequest; response?: undefined; failure: NoAnswer };

/** @internal */
export type JsonBody = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'invalid' };

/**
 * The body read as JSON. A body of white space only counts as empty: no JSON value was sent.
 * @internal
 */
export function jsonBodyOf(response: ReceivedResponse): JsonBody {
  if (response.text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(response.text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

/** @internal */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The media type without parameters, lower-cased: `Application/X-Amz-Json-1.1; charset=utf-8`
 * gives `application/x-amz-json-1.1`.
 * @internal
 */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * A body on one line, for a report. It is not cut here: a cut could split a secret the
 * report must redact, so verdicts are shortened only after redaction (see `shorten`).
 * @internal
 */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat === '' ? '(empty body)' : flat;
}

/**
 * The text cut to `max` characters with a note of how long it was. Only for text that has
 * already been redacted.
 * @internal
 */
export function shorten(text: string, max = 240): string {
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}
