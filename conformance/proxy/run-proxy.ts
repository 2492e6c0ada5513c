import type { Verdict } from '../judging/check.ts';
import { SensitiveValues } from '../redaction/redact.ts';
import type { Reporter } from '../run/reporter.ts';
import type { Result, Summary } from '../run/result.ts';
import { summarize } from '../run/summary.ts';
import { resolveEndpoint } from '../server/wire/endpoint-safety.ts';
import { exchangeLine } from './exchange-line.ts';
import { exchangeResult } from './exchange-result.ts';
import { answerFor, forward } from './forward.ts';
import { ExchangeLedger } from './judge-exchange.ts';
import { listenOnLoopback } from './listen.ts';
import { observe } from './observe.ts';
import { describeLimits, PROXY_LIMITS } from './proxy-limits.ts';
import { FixtureRecorder } from './record.ts';

/** @internal */
export interface ProxyOptions {
  /** The endpoint every request goes on to; loopback unless `allowRemote`. */
  upstream: string;
  allowRemote: boolean;
  /** The port to listen on, on 127.0.0.1; 0 lets the system pick one. */
  port: number;
  /** Stop once this many exchanges are judged. */
  maxRequests?: number;
  /** Stop after this many milliseconds. */
  durationMs?: number;
  upstreamTimeoutMs: number;
  strict: boolean;
  redact: boolean;
  /** Write each RevokeToken exchange into this folder as a candidate fixture. */
  recordDir?: string;
  /** The upstream's name in recorded fixtures (`cognito-local`); default its host and port. */
  upstreamName?: string;
  /** Ids of the fixtures the suite has, which a recorded file must not take. */
  existingFixtureIds?: Iterable<string>;
  reporters: readonly Reporter[];
  /** Each line the proxy prints as it goes: the banner, one line per exchange, what was recorded. */
  print: (line: string) => void;
  /** Stops the proxy (tests); the CLI also stops on SIGINT and SIGTERM. */
  signal?: AbortSignal;
  stopOnSignals?: boolean;
  /** Called once the proxy listens, with its URL. */
  onListening?: (url: string) => void;
  /** The clock of the recording date; default now. */
  today?: () => Date;
}

/** @internal */
export interface ProxyRun {
  summary: Summary;
  results: Result[];
  /** Why it stopped: `SIGINT`, `--max-requests 3`, `--duration 60`, or `stopped`. */
  stoppedBy: string;
}

/**
 * The judging proxy: listens on 127.0.0.1, forwards every request to the upstream as it came,
 * answers the client with what came back, and judges each exchange with the suite's own
 * checks (the client rules on a RevokeToken request, the server rules on every answer),
 * printing one line per exchange. When it stops it hands every exchange to the reporters.
 */
export async function runProxy(options: ProxyOptions): Promise<ProxyRun> {
  const upstream = await resolveEndpoint(options.upstream, { allowRemote: options.allowRemote });
  const upstreamName = options.upstreamName ?? upstream.url.host;
  const sensitive = new SensitiveValues(options.redact);
  const counted = (v: Verdict) => v.level === 'must' || options.strict;
  const ledger = new ExchangeLedger();
  const results: Result[] = [];
  let droppedPasses = 0;
  const startedAt = performance.now();
  const recorder =
    options.recordDir === undefined
      ? undefined
      : new FixtureRecorder(
          options.recordDir,
          { upstreamName, date: (options.today?.() ?? new Date()).toISOString().slice(0, 10) },
          options.existingFixtureIds ?? [],
        );

  let received = 0;
  let judged = 0;
  let stop: (why: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });

  const listener = await listenOnLoopback({
    port: options.port,
    maxBodyBytes: PROXY_LIMITS.requestBodyBytes,
    refused: (request, bytes) =>
      options.print(
        `-- ${request.method} ${request.path.slice(0, 80)}: refused, a body of more than ${bytes} bytes (cap ${PROXY_LIMITS.requestBodyBytes}); not forwarded`,
      ),
    exchange: async (request) => {
      received += 1;
      const index = received;
      const began = performance.now();
      const exchange = await forward(upstream, request, options.upstreamTimeoutMs);
      const observed = observe(index, listener.url, request, exchange, performance.now() - began);
      sensitive.add(...observed.secrets);
      const result = exchangeResult(observed, ledger.judge(observed, options.upstreamTimeoutMs), { sensitive, counted, upstream: upstreamName });
      keep(result);
      options.print(exchangeLine(observed, result));
      const answer = answerFor(exchange, upstream, options.allowRemote);
      if (answer.headers['x-revoketoken-proxy'] !== undefined)
        options.print(`   the client got ${answer.status} from the proxy: ${new TextDecoder().decode(answer.body)}`);
      if (recorder && observed.revokeToken && observed.exchange.response) {
        const recorded = await recorder.record(observed.request.body, observed.exchange.response);
        if (recorded.kind === 'not-written') options.print(`   not recorded: ${recorded.why}`);
        else if (recorded.problems.length === 0) options.print(`   recorded ${recorded.path} (lints clean; review it before you submit it)`);
        else {
          options.print(`   recorded ${recorded.path}, which breaks ${[...new Set(recorded.problems.map((p) => p.rule))].join(', ')}:`);
          for (const problem of recorded.problems.slice(0, 5))
            options.print(`     ${problem.pointer || '(root)'} [${problem.rule}] ${sensitive.redact(problem.message)}`);
        }
      }
      judged += 1;
      if (options.maxRequests !== undefined && judged >= options.maxRequests) stop(`--max-requests ${options.maxRequests}`);
      return answer;
    },
  });

  function keep(result: Result): void {
    results.push(result);
    if (results.length <= PROXY_LIMITS.keptResults) return;
    const oldestPass = results.findIndex((r) => r.classified.kind === 'pass');
    if (oldestPass === -1) return;
    results.splice(oldestPass, 1);
    droppedPasses += 1;
  }

  options.print(`judging proxy on ${listener.url} -> ${upstream.url.origin}${upstream.url.pathname === '/' ? '' : upstream.url.pathname} (${upstreamName})`);
  options.print(`point your app at it, e.g. AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=${listener.url}`);
  options.print(
    `RevokeToken requests are judged by the client rules and every answer by the server rules; other operations pass through, judged by the every-answer rules (request id, no secret handed back)`,
  );
  options.print(
    `bounds: ${describeLimits(options.upstreamTimeoutMs)}; ${options.redact ? 'Token, ClientId, ClientSecret, passwords and tokens are redacted' : 'redaction is OFF (--no-redact)'}`,
  );
  options.print(
    `to answer from a fixture instead of an upstream: revoketoken-conformance --serve (one request picks another fixture with the header "Prefer: fixture=<id>" or the path /fixtures/<id>/)`,
  );
  if (options.recordDir !== undefined)
    options.print(`recording each RevokeToken exchange as a candidate fixture below ${options.recordDir} (never overwriting a file)`);
  const until = [
    options.maxRequests !== undefined ? `${options.maxRequests} exchanges` : undefined,
    options.durationMs !== undefined ? `${options.durationMs / 1000} s` : undefined,
    'Ctrl-C',
  ].filter((x) => x !== undefined);
  options.print(`stops after ${until.join(' or ')}, then writes the reports`);
  options.onListening?.(listener.url);

  const timer = options.durationMs === undefined ? undefined : setTimeout(() => stop(`--duration ${options.durationMs! / 1000}`), options.durationMs);
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  if (options.stopOnSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const onAbort = () => stop('stopped');
  if (options.signal?.aborted) stop('stopped');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const stoppedBy = await stopped;
  if (timer) clearTimeout(timer);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  options.signal?.removeEventListener('abort', onAbort);
  await listener.close();

  const summary = summarize(results, { implementation: `proxy -> ${upstreamName}`, strict: options.strict, seed: 0, startedAt });
  const full = { ...summary, total: summary.total + droppedPasses, passed: summary.passed + droppedPasses };
  options.print(`stopped (${stoppedBy}): ${received} request${received === 1 ? '' : 's'} judged`);
  for (const reporter of options.reporters) reporter.onStart?.({ implementation: full.implementation, total: full.total });
  for (const result of results) for (const reporter of options.reporters) reporter.onResult(result);
  for (const reporter of options.reporters) await reporter.onEnd(full, results);
  return { summary: full, results, stoppedBy };
}
