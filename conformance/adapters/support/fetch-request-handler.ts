import { type HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';

/**
 * A Smithy HTTP handler that sends through a given fetch function. The built-in adapters use
 * it with the suite's direct fetch, so an AWS SDK v3-style client reaches the fixtures without
 * Node's HTTP stack being patched (see decisions/0002-direct-fetch.md).
 */
export function fetchRequestHandler(fetchImpl: typeof fetch) {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest, options: HttpHandlerOptions = {}) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(request.query ?? {})) {
        for (const v of Array.isArray(value) ? value : [value]) if (v !== null) query.append(name, v);
      }
      const search = query.size > 0 ? `?${query}` : '';
      const port = request.port ? `:${request.port}` : '';
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${search}`;
      const response = await fetchImpl(url, {
        method: request.method,
        headers: request.headers,
        body: request.body as BodyInit | undefined,
        signal: options.abortSignal as AbortSignal | undefined,
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return {
        response: new HttpResponse({
          statusCode: response.status,
          reason: response.statusText,
          headers,
          body: new Uint8Array(await response.arrayBuffer()),
        }),
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
}
