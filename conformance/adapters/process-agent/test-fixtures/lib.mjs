// Helpers for the fake client processes that exercise the process adapter's plumbing.
import { createInterface } from 'node:readline';

export const HELLO = {
  protocol: 1,
  name: 'fake client 0.0.0',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true, cancellation: false, retries: false },
};

export function send(value) {
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
}

/** Prints `hello`, then calls `handle(request)` for every stdin line; a returned value is sent. */
export function serve(handle, hello = HELLO) {
  send(hello);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', async (line) => {
    const request = JSON.parse(line);
    const answer = await handle(request);
    if (answer !== undefined) send(answer);
  });
}

export const ok = (request, metadata) => ({ id: request.id, ok: metadata ? { $metadata: metadata } : {} });
export const error = (request, name, message, statusCode = null, requestId = null) => ({ id: request.id, error: { name, message, statusCode, requestId } });
