import { startLoopbackServer } from '../../wire/loopback-server.ts';
import type { ReferenceServiceOptions } from './options.ts';
import { createReferenceService, type ReferenceService } from './reference-service.ts';

/** @public */
export interface ServeReferenceOptions {
  /** 0 (the default) lets the operating system pick a free port. */
  port?: number;
  /** The only accepted value; the server is never reachable from other machines. */
  host?: '127.0.0.1';
  /** A service to serve; by default a new one made with `serviceOptions`. */
  service?: ReferenceService;
  serviceOptions?: ReferenceServiceOptions;
}

/** @public */
export interface ServedReference {
  /** The endpoint to give an SDK, e.g. `http://127.0.0.1:49152`. */
  url: string;
  service: ReferenceService;
  close(): Promise<void>;
}

/**
 * Serves a reference service on a loopback socket, for clients that make their own HTTP
 * requests (other processes, other languages' SDKs).
 * @public
 */
export async function serveReference(options: ServeReferenceOptions = {}): Promise<ServedReference> {
  const service = options.service ?? createReferenceService(options.serviceOptions);
  const server = await startLoopbackServer((request) => service.handle(request), {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  return { url: server.url, service, close: () => server.close() };
}
