import fc from 'fast-check';
import type { FixtureResponse } from '../fixtures/types.ts';
import { AWS_JSON_1_1_CONTENT_TYPE, resolveErrorCode } from '../protocol/aws-json.ts';

/**
 * Where an error response puts its code, after the awsJson1_1 rules and the Smithy compliance
 * tests. The must variants are a bare shape name (what Cognito sends) and a full or foreign
 * shape id (which the spec says clients MUST accept); the rest are the wider sanitising and
 * lookup rules that some SDKs (botocore, aws-sdk v2) do not follow.
 */
export type CodeVariant =
  | 'dunder-bare'
  | 'dunder-namespace'
  | 'dunder-other-namespace'
  | 'dunder-uri-suffix'
  | 'header-only'
  | 'code-field'
  | 'code-field-namespace-uri';

export const MUST_VARIANTS: readonly CodeVariant[] = ['dunder-bare', 'dunder-namespace', 'dunder-other-namespace'];
export const SHOULD_VARIANTS: readonly CodeVariant[] = ['dunder-uri-suffix', 'header-only', 'code-field', 'code-field-namespace-uri'];

/** The checklist rule each variant exercises (the error-name check reports under it). */
export const VARIANT_RULE: Record<CodeVariant, string> = {
  'dunder-bare': 'C20',
  'dunder-namespace': 'C15',
  'dunder-other-namespace': 'C16',
  'dunder-uri-suffix': 'C15',
  'header-only': 'C19',
  'code-field': 'C14',
  'code-field-namespace-uri': 'C15',
};

const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';
const URI_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.coral.validate/';

/**
 * The Content-Types an answer with a JSON body arrives with: the protocol's; the protocol's with a
 * parameter (Smithy's AwsJson11MustSupportParametersInContentType sends `; charset=utf-8`);
 * `application/json`, as cognito-local answers; none at all. No SDK of protocol.md 5 reads the
 * response Content-Type to decide how to parse (contract.md: "Neither SDK checks Content-Type").
 */
export const CONTENT_TYPES = {
  protocol: AWS_JSON_1_1_CONTENT_TYPE,
  'with-charset': `${AWS_JSON_1_1_CONTENT_TYPE}; charset=utf-8`,
  'plain-json': 'application/json',
  absent: undefined,
} as const satisfies Record<string, string | undefined>;
export type ContentTypeVariant = keyof typeof CONTENT_TYPES;
export const CONTENT_TYPE_VARIANTS = Object.keys(CONTENT_TYPES) as ContentTypeVariant[];

/** Headers carrying a Content-Type variant (none for `absent`). */
export function contentTypeHeaders(variant: ContentTypeVariant): Record<string, string> {
  const value = CONTENT_TYPES[variant];
  return value === undefined ? {} : { 'Content-Type': value };
}

export type MessageVariant = { kind: 'absent' } | { kind: 'message' | 'Message'; text: string };

export interface ErrorAnswer {
  name: string;
  status: number;
  variant: CodeVariant;
  message: MessageVariant;
  /** Members the client must ignore. */
  extras: Record<string, unknown>;
  /** The observed Cognito headers (x-amzn-ErrorType "Name:", x-amzn-ErrorMessage). */
  cognitoHeaders: boolean;
  requestId: string;
  /** The body's Content-Type; the protocol's when not given. */
  contentType?: ContentTypeVariant;
}

/** Printable text for messages: any Unicode, kept short so reports stay readable. */
// Never empty: SDKs put a placeholder ("UnknownError") in place of an empty message, and Cognito
// never sends one, so an empty message would test nothing anyone relies on.
export const messageText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 });

const RESERVED = new Set(['__type', 'code', 'Code', 'message', 'Message', 'reasonCode']);
/** Unknown members: names the model does not use, with any JSON value (nested objects included). */
export const unknownMembers = fc
  .dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !RESERVED.has(k) && k !== '__proto__'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  )
  .map((d) => ({ ...d }));

export const requestIdArb = fc.uuid();

function codeFor(name: string, variant: CodeVariant): string {
  switch (variant) {
    case 'dunder-namespace':
      return `${NAMESPACE}#${name}`;
    case 'dunder-other-namespace':
      return `com.amazonaws.cognitoidentityprovider.v2#${name}`;
    case 'dunder-uri-suffix':
    case 'code-field-namespace-uri':
      return `${variant === 'code-field-namespace-uri' ? `${NAMESPACE}#` : ''}${name}${URI_SUFFIX}`;
    default:
      return name;
  }
}

/** The response bytes for an error answer. */
export function errorResponse(answer: ErrorAnswer): FixtureResponse {
  const headers: Record<string, string> = { 'x-amzn-RequestId': answer.requestId };
  if (answer.variant === 'header-only') {
    // Smithy's AwsJson11FooErrorUsingXAmznErrorType: the header alone, no body, no Content-Type.
    headers['X-Amzn-Errortype'] = answer.name;
    return { code: answer.status, headers };
  }
  Object.assign(headers, contentTypeHeaders(answer.contentType ?? 'protocol'));
  const body: Record<string, unknown> = { ...answer.extras };
  const code = codeFor(answer.name, answer.variant);
  if (answer.variant.startsWith('code-field')) body.code = code;
  else body.__type = code;
  if (answer.message.kind !== 'absent') body[answer.message.kind] = answer.message.text;
  if (answer.cognitoHeaders && answer.variant.startsWith('dunder')) {
    headers['x-amzn-ErrorType'] = `${answer.name}:`;
    if (answer.message.kind !== 'absent') headers['x-amzn-ErrorMessage'] = encodeHeaderValue(answer.message.text);
  }
  return { code: answer.status, headers, body: JSON.stringify(body) };
}

/** Header values must be Latin-1 without control characters; Cognito's own messages are ASCII. */
function encodeHeaderValue(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

/**
 * An error answer that names its code in several places, possibly different codes: the header,
 * the body's `code`, the body's `__type`. Each present carrier holds a name (sanitised forms
 * included); which one a client must surface is {@link resolveErrorCode}'s to say.
 */
export interface CarriersAnswer {
  status: number;
  header?: string;
  code?: string;
  dunderType?: string;
  requestId: string;
  contentType: ContentTypeVariant;
}

/** The response bytes for a {@link CarriersAnswer}; a body only when `code` or `__type` is in it. */
export function carriersResponse(answer: CarriersAnswer): FixtureResponse {
  const headers: Record<string, string> = { 'x-amzn-RequestId': answer.requestId };
  if (answer.header !== undefined) headers['X-Amzn-Errortype'] = answer.header;
  if (answer.code === undefined && answer.dunderType === undefined) return { code: answer.status, headers };
  Object.assign(headers, contentTypeHeaders(answer.contentType));
  const body: Record<string, string> = {};
  if (answer.code !== undefined) body.code = answer.code;
  if (answer.dunderType !== undefined) body.__type = answer.dunderType;
  return { code: answer.status, headers, body: JSON.stringify(body) };
}

/** The name a conforming client surfaces for a {@link CarriersAnswer} (header, then code, then __type). */
export function carriersName(answer: CarriersAnswer): string | undefined {
  return resolveErrorCode({ header: answer.header, code: answer.code, dunderType: answer.dunderType })?.name;
}
