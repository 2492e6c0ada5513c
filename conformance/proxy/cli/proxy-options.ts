import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { COMMON_FLAGS, describeFlags, type FlagTable, parseFlags, type ReporterSpec, rangedNumber, reporterSpec, UsageError } from '../../cli/flags.ts';
import { describeLimits, PROXY_LIMITS } from '../proxy-limits.ts';

/** The proxy's own flags, with the shared ones it uses taken from COMMON_FLAGS so they read the same everywhere. */
export const PROXY_FLAGS = {
  upstream: {
    type: 'string',
    arg: '<url>',
    help: 'where every request goes on to (required): the reference server, an emulator, ...; loopback unless --allow-remote',
  },
  port: { type: 'string', arg: '<p>', help: 'port to listen on, on 127.0.0.1 (default 0: a free port, printed in the banner)', range: { min: 0, max: 65_535 } },
  'allow-remote': { type: 'boolean', default: false, help: 'allow an upstream that is not on this machine (127.0.0.0/8, ::1, localhost)' },
  'max-requests': { type: 'string', arg: '<n>', help: 'stop after this many exchanges, then write the reports', range: { min: 1, max: 1_000_000 } },
  duration: { type: 'string', arg: '<s>', help: 'stop after this many seconds, then write the reports', range: { min: 1, max: 86_400 } },
  'upstream-timeout': {
    type: 'string',
    arg: '<ms>',
    help: `real time the upstream has for one whole answer (default ${PROXY_LIMITS.upstreamTimeoutMs})`,
    range: { min: 1, max: 600_000 },
  },
  record: { type: 'string', arg: '<dir>', help: 'write each RevokeToken exchange into <dir> as a candidate fixture (linted; never overwrites a file)' },
  'upstream-name': { type: 'string', arg: '<name>', help: "the upstream's name in recorded fixtures, e.g. cognito-local (default: its host and port)" },
  strict: COMMON_FLAGS.strict,
  reporter: COMMON_FLAGS.reporter,
  quiet: COMMON_FLAGS.quiet,
  verbose: COMMON_FLAGS.verbose,
  'no-redact': COMMON_FLAGS['no-redact'],
  help: COMMON_FLAGS.help,
} as const satisfies FlagTable;

/** @internal */
export const PROXY_USAGE = `Usage: revoketoken-conformance proxy --upstream <url> [options]

Sits between your app and any Cognito endpoint. Listens on 127.0.0.1, forwards every request
to the upstream unchanged, and judges each exchange live with the suite's rules: a RevokeToken
request by the client rules (C1-C10), every RevokeToken answer by the server rules (S8-S14, P1,
H1), and the answers of other operations (InitiateAuth, GetUser, ...) by the rules that apply to
every answer (request id, no secret handed back). One line per exchange; the reports when it
stops (Ctrl-C, --max-requests, --duration). Exit 0 when every must rule passed (with --strict,
every rule), 1 when one failed, 2 on a usage error or when no request arrived.

Bounds: ${describeLimits(PROXY_LIMITS.upstreamTimeoutMs)}.

Options:
${describeFlags(PROXY_FLAGS)}`;

/** @internal */
export interface ProxyCliOptions {
  upstream: string;
  port: number;
  allowRemote: boolean;
  maxRequests?: number;
  durationMs?: number;
  upstreamTimeoutMs: number;
  recordDir?: string;
  upstreamName?: string;
  strict: boolean;
  reporters: ReporterSpec[];
  quiet: boolean;
  verbose: boolean;
  redact: boolean;
  help: boolean;
}

/** Reads and checks the proxy's command line; every problem is a UsageError naming the flag. @internal */
export async function parseProxyOptions(argv: readonly string[]): Promise<ProxyCliOptions> {
  const v = parseFlags(argv, PROXY_FLAGS);
  const reporters = (v.reporter ?? []).map(reporterSpec);
  const base = {
    port: rangedNumber('port', PROXY_FLAGS, v.port) ?? 0,
    allowRemote: v['allow-remote'] ?? false,
    upstreamTimeoutMs: rangedNumber('upstream-timeout', PROXY_FLAGS, v['upstream-timeout']) ?? PROXY_LIMITS.upstreamTimeoutMs,
    strict: v.strict ?? false,
    reporters,
    quiet: v.quiet ?? false,
    verbose: v.verbose ?? false,
    redact: !v['no-redact'],
    help: v.help ?? false,
  };
  if (base.help) return { ...base, upstream: '' };
  if (v.upstream === undefined || v.upstream.trim() === '')
    throw new UsageError('--upstream <url> is required: the endpoint to forward to, e.g. --upstream http://127.0.0.1:9229');
  if (v.quiet && reporters.some((r) => r.kind === 'human'))
    throw new UsageError('--quiet silences the console report that --reporter human asks for: give one');
  const maxRequests = rangedNumber('max-requests', PROXY_FLAGS, v['max-requests']);
  const duration = rangedNumber('duration', PROXY_FLAGS, v.duration);
  if (v['upstream-name'] !== undefined && !/[A-Za-z0-9]/.test(v['upstream-name']))
    throw new UsageError(`--upstream-name ${JSON.stringify(v['upstream-name'])}: needs a letter or a digit`);
  if (v.record !== undefined) await checkRecordDir(v.record);
  return {
    ...base,
    upstream: v.upstream,
    ...(maxRequests !== undefined ? { maxRequests } : {}),
    ...(duration !== undefined ? { durationMs: duration * 1000 } : {}),
    ...(v.record !== undefined ? { recordDir: resolve(v.record) } : {}),
    ...(v['upstream-name'] !== undefined ? { upstreamName: v['upstream-name'] } : {}),
  };
}

/** The record folder may not exist yet (it is made), but it may not be a file. */
async function checkRecordDir(dir: string): Promise<void> {
  if (dir.trim() === '') throw new UsageError('--record needs a folder');
  try {
    const found = await stat(dir);
    if (!found.isDirectory()) throw new UsageError(`--record ${dir}: is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`--record ${dir}: ${(error as Error).message}`);
  }
}
