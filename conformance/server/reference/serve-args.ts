import { parseArgs } from 'node:util';

/** @internal */
export type ServeArgs = { kind: 'serve'; port: number; host: '127.0.0.1' } | { kind: 'help' } | { kind: 'error'; message: string };

/** @internal */
export const SERVE_USAGE = `Usage: npm run serve:reference -- [--port <0-65535>] [--host 127.0.0.1]

Serves the in-memory reference Cognito service (the operations a RevokeToken scenario
needs) on a loopback address and prints its endpoint. Stop it with Ctrl-C.

  --port   port to listen on; 0 (the default) picks a free one
  --host   127.0.0.1 (the default) or localhost; nothing else, the server stays on this machine
  --help   show this text`;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost']);

/**
 * Reads the command line of serve.ts. Errors are returned, not thrown, so the CLI decides
 * how to exit and tests can check the wording.
 * @internal
 */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values: { port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };

  const portText = values.port ?? '0';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) return { kind: 'error', message: `--port must be a whole number from 0 to 65535, got '${portText}'` };

  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK_NAMES.has(host)) {
    return { kind: 'error', message: `--host must be a loopback address (127.0.0.1 or localhost), got '${host}'` };
  }
  return { kind: 'serve', port, host: '127.0.0.1' };
}
