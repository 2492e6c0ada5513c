/**
 * A request as the fake service saw it. In-process, this is what msw (or the direct fetch)
 * received, which is not always what a socket would carry: a header such as Content-Length
 * may be added below the point where we look. `transport` says which view this is, so checks
 * can tell "absent" from "not visible here".
 * @public
 */
export interface CapturedRequest {
  method: string;
  /** Full URL as requested. */
  url: string;
  /** Header names lower-cased; repeated headers joined with ", " as fetch does. */
  headers: Record<string, string>;
  /** The body decoded as UTF-8 ('' when there was none). */
  body: string;
  /** Byte length of the body as received. */
  bodyBytes: number;
  transport: Transport;
}

/** direct: the adapter used context.fetch; intercepted: msw caught the client's own HTTP; loopback: a real socket. */
export type Transport = 'direct' | 'intercepted' | 'loopback';

/** @internal */
export async function captureRequest(request: Request, transport: Transport): Promise<CapturedRequest> {
  // The handler is the last reader of the body, so it is read in place (a clone tees the stream, which costs more than the rest of the capture).
  const bytes = new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: request.method,
    url: request.url,
    headers,
    body: new TextDecoder().decode(bytes),
    bodyBytes: bytes.byteLength,
    transport,
  };
}
