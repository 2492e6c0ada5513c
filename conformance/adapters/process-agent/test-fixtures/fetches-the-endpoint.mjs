// A small correct client in another process: posts each case to the endpoint it is given (its
// path followed by one `/`) over Node's fetch, and decodes the answer. With FAKE_DROP_PATH=1 it
// keeps only the endpoint's origin, the fault rule A7 must name.
import { error, ok, serve } from './lib.mjs';

const dropPath = process.env.FAKE_DROP_PATH === '1';

function requestUrl(endpoint) {
  const url = new URL(endpoint);
  return `${url.origin}${dropPath ? '' : url.pathname.replace(/\/$/, '')}/`;
}

serve(async (request) => {
  if (request.cancel) return undefined;
  const response = await fetch(requestUrl(request.endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
    body: JSON.stringify(request.input),
  });
  const text = await response.text();
  const requestId = response.headers.get('x-amzn-requestid');
  if (response.status < 300) return ok(request, { httpStatusCode: response.status, requestId });
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return error(request, 'SerializationError', `HTTP ${response.status} with a body that is not JSON`, response.status, requestId);
  }
  const fields = body !== null && typeof body === 'object' ? body : {};
  const raw = response.headers.get('x-amzn-errortype') ?? (typeof fields.code === 'string' ? fields.code : undefined) ?? fields.__type ?? 'UnknownError';
  const name = String(raw).split(':')[0].split('#').pop();
  const message = typeof fields.message === 'string' ? fields.message : typeof fields.Message === 'string' ? fields.Message : '';
  return error(request, name, message, response.status, requestId);
});
