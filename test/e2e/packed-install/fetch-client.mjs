// A RevokeToken client written on fetch, the way a user's own client might be: it decodes
// errors by the rules of CONTRACT.md section 5 (header, then body code, then body __type;
// text after ':' and before '#' dropped). `target` lets the broken adapter send a wrong one.
function errorCode(headers, body) {
  const raw = headers.get('x-amzn-errortype') ?? [body.code, body.__type].find((value) => typeof value === 'string');
  if (raw === undefined || raw === null) return undefined;
  const beforeColon = raw.split(':')[0];
  return beforeColon.includes('#') ? beforeColon.slice(beforeColon.indexOf('#') + 1) : beforeColon;
}

function objectIn(text) {
  try {
    const parsed = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** A connection that failed, or a body cut short, as a named error rather than fetch's bare TypeError. */
function networkFailure(error) {
  if (error?.name === 'AbortError') return error;
  const wrapped = new Error(`the request did not complete: ${error?.message ?? error}`, { cause: error });
  wrapped.name = 'NetworkingError';
  wrapped.$metadata = {};
  return wrapped;
}

export async function revokeToken(input, { endpoint, signal, fetch: send = fetch, target = 'AWSCognitoIdentityProviderService.RevokeToken' }) {
  let response;
  let text;
  try {
    // The endpoint's own path, then one slash (`/custom/` for `https://host/custom` and `https://host/custom/`).
    response = await send(`${endpoint.replace(/\/+$/, '')}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: JSON.stringify(input),
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw networkFailure(error);
  }
  const body = objectIn(text);
  const $metadata = { httpStatusCode: response.status, requestId: response.headers.get('x-amzn-requestid') ?? undefined };
  if (response.ok) return { $metadata };
  const message = [body.message, body.Message].find((value) => typeof value === 'string') ?? `HTTP ${response.status}`;
  const error = new Error(message);
  error.name = errorCode(response.headers, body) ?? `Http${response.status}Error`;
  error.$metadata = $metadata;
  throw error;
}
