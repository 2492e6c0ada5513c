/**
 * The awsJson 1.1 facts every part of the suite relies on: the harness that serves fixtures,
 * the fixture linter, the reference server and the checks of both directions. Each is written
 * here once, so that two parts can never disagree about the protocol (they once did: two
 * sanitisers, one of which trimmed).
 *
 * Sources: /shared/reference/protocol.md (aws-json-1_1-protocol.rst, the Smithy compliance
 * tests, smithy-typescript's loadRestJsonErrorCode and service-error-classification).
 */

/** The Content-Type of every awsJson 1.1 request and response body. @public */
export const AWS_JSON_1_1_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The service shape name: the part of X-Amz-Target before the dot. @internal */
export const SERVICE_SHAPE_NAME = 'AWSCognitoIdentityProviderService';

/** `AWSCognitoIdentityProviderService.<operation>`, the X-Amz-Target of an operation. @internal */
export function targetOf(operation: string): string {
  return `${SERVICE_SHAPE_NAME}.${operation}`;
}

/** The X-Amz-Target of RevokeToken. @public */
export const REVOKE_TOKEN_TARGET = targetOf('RevokeToken');

/** The operation an X-Amz-Target names, when it names one of this service's. @internal */
export function operationOfTarget(target: string | null | undefined): string | undefined {
  const prefix = `${SERVICE_SHAPE_NAME}.`;
  return typeof target === 'string' && target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
}

/** Header names, lower-cased as Node and fetch report them. @public */
export const HEADER = {
  contentType: 'content-type',
  contentLength: 'content-length',
  target: 'x-amz-target',
  errorType: 'x-amzn-errortype',
  requestId: 'x-amzn-requestid',
} as const;

/** Headers only a signing client sends; RevokeToken is `@auth([])` with `@optionalAuth`. @public */
export const SIGNING_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token'] as const;

/**
 * The awsJson error-code sanitiser: the text before the first `:`, then the text after the
 * first `#`. `aws.protocoltests#FooError:http://internal/` gives `FooError`. Nothing is
 * trimmed: the protocol does not, and a client that did would hide a server's stray space.
 * @public
 */
export function sanitizeErrorCode(raw: string): string {
  const beforeColon = raw.split(':')[0] ?? '';
  const hash = beforeColon.indexOf('#');
  return hash === -1 ? beforeColon : beforeColon.slice(hash + 1);
}

/** The places an error response can name its code, as read off the response. @internal */
export interface ErrorCodeCarriers {
  /** The X-Amzn-Errortype header's value, if the response has one. */
  readonly header?: string | null | undefined;
  /** The body's top-level `code` member, if the body is a JSON object. */
  readonly code?: unknown;
  /** The body's top-level `__type` member, if the body is a JSON object. */
  readonly dunderType?: unknown;
}

/**
 * The error code a client resolves when several places name one, sanitised: the X-Amzn-Errortype
 * header first, then the body's top-level `code`, then its `__type`. The awsJson1_1 text gives
 * no order; Smithy's test documentation does ("first check for the X-Amzn-Errortype and then
 * check for a top-level 'code' property", AwsJson11FooErrorUsingCode), and js-v3's
 * loadRestJsonErrorCode and smithy-rs's json_errors.rs (test code_takes_priority) put `__type`
 * last (protocol.md 1.6, 5.1, 5.2). Only a string counts as a code.
 * @internal
 */
export function resolveErrorCode(carriers: ErrorCodeCarriers): { name: string; from: 'header' | 'code' | '__type' } | undefined {
  if (typeof carriers.header === 'string' && carriers.header !== '') return { name: sanitizeErrorCode(carriers.header), from: 'header' };
  if (typeof carriers.code === 'string') return { name: sanitizeErrorCode(carriers.code), from: 'code' };
  if (typeof carriers.dunderType === 'string') return { name: sanitizeErrorCode(carriers.dunderType), from: '__type' };
  return undefined;
}

/**
 * The message of an error body as a client surfaces it: the modeled `message`, falling back to
 * `Message`, which some servers write (rule C21). Only a string counts.
 * @internal
 */
export function errorMessageMember(body: unknown): { key: 'message' | 'Message'; value: string } | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const members = body as Record<string, unknown>;
  if (typeof members['message'] === 'string') return { key: 'message', value: members['message'] };
  if (typeof members['Message'] === 'string') return { key: 'Message', value: members['Message'] };
  return undefined;
}

/** The namespace of an error code's shape id (`''` when it has none). @internal */
export function errorCodeNamespace(raw: string): string {
  const beforeColon = raw.split(':')[0] ?? '';
  const hash = beforeColon.indexOf('#');
  return hash === -1 ? '' : beforeColon.slice(0, hash);
}

/** The modeled errors a client with retries may send again (throttling and transient faults). @internal */
export const RETRYABLE_ERROR_NAMES: ReadonlySet<string> = new Set(['TooManyRequestsException', 'InternalErrorException']);

/**
 * Whether an answer is one a client with retries may repeat: 429, any 5xx, or a retryable
 * modeled error (smithy-typescript's service-error classification).
 * @public
 */
export function isRetryableAnswer(answer: { status: number; errorName?: string | undefined }): boolean {
  if (answer.status === 429 || answer.status >= 500) return true;
  return answer.errorName !== undefined && RETRYABLE_ERROR_NAMES.has(answer.errorName);
}

/** A region name such as `us-east-1` or `us-gov-west-1`. @internal */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The regional endpoint a real client calls; in process msw intercepts it, nothing leaves the machine. @internal */
export function regionalEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/**
 * The path of an endpoint that comes before the protocol's own `/`: `/custom-path` for
 * `https://example.com/custom-path` and for `https://example.com/custom-path/`, `''` for a bare
 * host. Smithy's AwsJson11HostWithPath: the client posts to this path followed by `/`.
 * @internal
 */
export function endpointBasePath(endpoint: string): string {
  return new URL(endpoint).pathname.replace(/\/$/, '');
}

/**
 * Where a request for `endpoint` must go, as a URL without query: its scheme, host and port,
 * then its base path followed by `/` ("if the endpoint path does not end in `/`, a `/` is
 * appended": protocol.md, request serialization).
 * @internal
 */
export function requestUrlFor(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.origin}${endpointBasePath(endpoint)}/`;
}
