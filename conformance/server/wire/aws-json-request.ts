import { revokeToken } from '../../model/contract.ts';
import type { OutgoingRequest } from './send-once.ts';

/** @internal */
export interface RequestVariation {
  method?: string;
  path?: string;
  /** Headers to set; `undefined` removes one of the standard headers. */
  headers?: Readonly<Record<string, string | undefined>>;
}

/**
 * An awsJson 1.1 request for one of Cognito's operations, as an SDK sends it: POST /, the
 * protocol's Content-Type, `X-Amz-Target: <service>.<operation>`, Host and Content-Length. A
 * body that is already bytes goes out as is (the probes send broken ones); anything else is
 * serialised as JSON.
 * @internal
 */
export function awsJsonRequest(endpoint: URL, operation: string, body: unknown, variation: RequestVariation = {}): OutgoingRequest {
  const bytes = body instanceof Uint8Array ? body : new TextEncoder().encode(JSON.stringify(body));
  const headers: Record<string, string> = {
    host: endpoint.host,
    'content-type': revokeToken.contentType,
    'x-amz-target': `${revokeToken.service}.${operation}`,
  };
  for (const [name, value] of Object.entries(variation.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  headers['content-length'] ??= String(bytes.byteLength);
  return { method: variation.method ?? 'POST', path: variation.path ?? '/', headers, body: bytes };
}
