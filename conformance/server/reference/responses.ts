import { AWS_JSON_1_1_CONTENT_TYPE as AWS_JSON_1_1 } from '../../protocol/aws-json.ts';
import type { ServiceError } from './service-error.ts';

/**
 * A 200 with the operation's output serialised as awsJson: `{}` for an empty output, never
 * an empty body (the compliance tests expect an object whenever the output is modelled).
 * @internal
 */
export function successResponse(output: object, requestId: string): Response {
  return awsJsonResponse(200, JSON.stringify(output), requestId, {});
}

/**
 * An error in the form Cognito sends: `__type` and lower-case `message` in the body, and the
 * same two facts in `x-amzn-ErrorType` (with its trailing colon) and `x-amzn-ErrorMessage`.
 * @internal
 */
export function errorResponse(error: ServiceError, requestId: string): Response {
  const body = JSON.stringify({ __type: error.type, message: error.message });
  return awsJsonResponse(error.status, body, requestId, {
    ...error.headers,
    'x-amzn-ErrorType': `${error.type}:`,
    'x-amzn-ErrorMessage': headerSafe(error.message),
  });
}

function awsJsonResponse(status: number, body: string, requestId: string, extra: Record<string, string>): Response {
  const bytes = new TextEncoder().encode(body);
  const headers = new Headers({
    'Content-Type': AWS_JSON_1_1,
    'Content-Length': String(bytes.byteLength),
    'x-amzn-RequestId': requestId,
  });
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(bytes, { status, headers });
}

/**
 * Header values cannot hold line breaks or characters beyond Latin-1, and a validation
 * message may quote such input; the body keeps the exact text, the header a printable copy.
 * @internal
 */
export function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
