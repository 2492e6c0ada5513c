// The client under test: a small RevokeToken client over fetch, as an application might
// write one, wrapped as an adapter (CONTRACT.md section 1). Replace `revokeToken` below with
// a call into your own client.

const TARGET = 'AWSCognitoIdentityProviderService.RevokeToken';

/** The error code as AWS JSON 1.1 clients read it: header first, then code/Code, then __type. */
function errorCode(headers, body) {
  const codeKey = body && Object.keys(body).find((key) => key.toLowerCase() === 'code');
  const raw = headers.get('x-amzn-errortype') ?? (codeKey && typeof body[codeKey] === 'string' ? body[codeKey] : undefined) ?? body?.__type;
  if (typeof raw !== 'string' || raw === '') return 'UnknownError';
  // "ns#Name:uri, other" -> "Name"
  const first = raw.split(',')[0].trim().split(':')[0];
  return first.includes('#') ? first.slice(first.indexOf('#') + 1) : first;
}

function failure(name, message, status, requestId) {
  const error = new Error(message);
  error.name = name;
  error.$metadata = { httpStatusCode: status, requestId };
  return error;
}

/** A connection that failed, or a body cut short, as an error the caller can read (not fetch's bare TypeError). */
function networkFailure(error) {
  if (error?.name === 'AbortError') return error;
  const wrapped = new Error(`the request did not complete: ${error?.message ?? error}`, { cause: error });
  wrapped.name = 'NetworkingError';
  wrapped.$metadata = {};
  return wrapped;
}

/** Where the operation is posted: the endpoint's own path, then one `/` (`/custom/` for `https://host/custom`). */
const operationUrl = (endpoint) => `${endpoint.replace(/\/+$/, '')}/`;

const retryable = (status, code) => status === 429 || status >= 500 || code === 'TooManyRequestsException' || code === 'InternalErrorException';

/** One RevokeToken call: at most two attempts, the second only for throttling and server errors. */
export async function revokeToken(input, { endpoint, signal, fetch: send = fetch }) {
  const members = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const body = JSON.stringify(members);
  let response;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    try {
      response = await send(operationUrl(endpoint), {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': TARGET, 'content-length': String(new TextEncoder().encode(body).byteLength) },
        body,
        signal,
      });
    } catch (error) {
      throw networkFailure(error);
    }
    if (response.status < 300 || attempt === 2) break;
    let peek;
    try {
      peek = await response.clone().text();
    } catch (error) {
      throw networkFailure(error);
    }
    let parsed;
    try {
      parsed = JSON.parse(peek);
    } catch {}
    if (!retryable(response.status, errorCode(response.headers, parsed))) break;
  }
  let text;
  try {
    text = await response.text();
  } catch (error) {
    throw networkFailure(error);
  }
  const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
  let parsed;
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch {
    throw failure('SerializationError', `the service sent a body that is not JSON (HTTP ${response.status})`, response.status, requestId);
  }
  const object = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  if (response.status < 300) return { $metadata: { httpStatusCode: response.status, requestId } };
  const message = object?.message ?? object?.Message;
  throw failure(errorCode(response.headers, object), typeof message === 'string' ? message : '', response.status, requestId);
}

/** The adapter: what the suite calls, and what the client can do. */
export default {
  name: 'my-revoke-token-client',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: true, retries: true, maxAttempts: 2 },
  revokeToken,
};
