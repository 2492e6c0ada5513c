import { describeFlags, type FlagTable, parseFlags, UsageError, wholeNumber } from './flags.ts';

/** @internal */
export type ServeArgs = { kind: 'serve'; port: number; host: '127.0.0.1' } | { kind: 'help' } | { kind: 'error'; message: string };

/** The reference server's own flags. */
const SERVE_FLAGS = {
  port: { type: 'string', arg: '<0-65535>', help: 'port to listen on; 0 (the default) picks a free one' },
  host: { type: 'string', arg: '<host>', help: '127.0.0.1 (the default) or localhost; nothing else, the server stays on this machine' },
  help: { type: 'boolean', short: 'h', help: 'show this text' },
} as const satisfies FlagTable;

/** @internal */
export const SERVE_USAGE = `Usage: npm run serve:reference -- [--port <0-65535>] [--host 127.0.0.1]

Serves the in-memory reference Cognito service (the operations a RevokeToken scenario
needs) on a loopback address and prints its endpoint. Stop it with Ctrl-C.

${describeFlags(SERVE_FLAGS)}`;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost']);

/**
 * Reads the command line of serve-reference.ts. Errors are returned, not thrown, so the
 * entry point decides how to exit and tests can check the wording.
 * @internal
 */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  try {
    const values = parseFlags(argv, SERVE_FLAGS);
    if (values.help) return { kind: 'help' };
    const port = wholeNumber('port', values.port ?? '0', 0, 65_535)!;
    const host = values.host ?? '127.0.0.1';
    if (!LOOPBACK_NAMES.has(host)) throw new UsageError(`--host must be a loopback address (127.0.0.1 or localhost), got '${host}'`);
    return { kind: 'serve', port, host: '127.0.0.1' };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'error', message: error.message };
    throw error;
  }
}
