import { Writable } from 'node:stream';
import { runCli } from '../../../conformance/cli/main.ts';
import { serveReference } from '../../../conformance/server/reference/serve-reference.ts';

/** An endpoint the proxy forwards to, started fresh for each test. */
export interface Upstream {
  name: string;
  start(): Promise<{ url: string; close(): Promise<void> }>;
}

/**
 * The upstreams the proxy specs run against. The reference server is always here; an emulator
 * lane (MiniStack, once its lane exists) is one more entry with its own start().
 */
export const UPSTREAMS: readonly Upstream[] = [
  {
    name: 'reference server',
    start: async () => {
      const served = await serveReference();
      return { url: served.url, close: () => served.close() };
    },
  },
];

/** A running `revoketoken-conformance proxy`: its URL once it listens, and its exit code and output once it stops. */
export interface RunningProxy {
  url: string;
  /** Resolves when the command has stopped (by --max-requests or --duration) and written its reports. */
  done: Promise<{ code: number; stdout: string; stderr: string }>;
  /** Everything printed so far. */
  stdout(): string;
}

/**
 * Starts the proxy through the CLI, in-process, and resolves as soon as its banner names the
 * URL it listens on: an event, not a poll. Give --max-requests so it stops by itself.
 */
export async function startProxy(...args: string[]): Promise<RunningProxy> {
  let stdout = '';
  let stderr = '';
  let listening: (url: string) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    listening = resolve;
    failed = reject;
  });
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const done = runCli(['proxy', ...args], {
    stdout: sink((text) => {
      stdout += text;
      const match = /judging proxy on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) listening(match[1]!);
    }),
    stderr: sink((text) => (stderr += text)),
    env: {},
  }).then((code) => {
    failed(new Error(`the proxy stopped before it listened (exit ${code}): ${stderr}`));
    return { code, stdout, stderr };
  });
  return { url: await url, done, stdout: () => stdout };
}
