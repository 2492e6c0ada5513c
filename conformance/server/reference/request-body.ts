/**
 * Raised when the body cannot be read as the operation's input at all (as opposed to a
 * readable input that breaks a constraint). The service maps it to its configured error.
 * @internal
 */
export class MalformedBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedBodyError';
  }
}

/** A JSON object with `null` members removed, at every depth. */
export type JsonObject = { [member: string]: JsonValue };
/** @internal */
export type JsonValue = string | number | boolean | JsonObject | JsonValue[] | null;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an awsJson request body: no bytes means `{}` (S3); anything else must be UTF-8 JSON
 * whose top level is an object (S5). Explicit nulls count as absent members (S4).
 * @internal
 */
export function parseRequestBody(bytes: Uint8Array): JsonObject {
  if (bytes.byteLength === 0) return {};
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new MalformedBodyError('The request body is not valid UTF-8.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedBodyError('The request body is not valid JSON.');
  }
  if (!isPlainObject(parsed)) {
    throw new MalformedBodyError('The request body must be a JSON object.');
  }
  return withoutNulls(parsed);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutNulls(object: Record<string, unknown>): JsonObject {
  // fromEntries defines own properties, so a member named "__proto__" stays plain data.
  return Object.fromEntries(
    Object.entries(object)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => [name, stripNested(value)]),
  ) as JsonObject;
}

function stripNested(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map((item) => stripNested(item));
  if (isPlainObject(value)) return withoutNulls(value);
  return value as JsonValue;
}
