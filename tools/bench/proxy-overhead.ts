// The judging proxy's cost per exchange, against a bare loopback forwarder measured in the same run.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runProxy } from '../../conformance/proxy/run-proxy.ts';
import { startLoopbackServer } from '../../conformance/wire/loopback-server.ts';
import { compare } from './measure.ts';

const REVOKE = {
  method: 'POST',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
  body: JSON.stringify({ Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' }),
};

/**
 * A forwarder that does only what any reverse proxy does: read the request, send it on over a
 * connection of its own (no keep-alive, as the judging proxy does), and relay the answer. The
 * judging proxy's extra cost over it is observing, judging, redacting and printing one line.
 */
async function bareForwarder(upstream: string): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers = { ...incoming.headers };
      delete headers.host;
      delete headers.connection;
      const forwarded = httpRequest(
        { hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers, agent: false },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            const all = Buffer.concat(body);
            const relayed = { ...answer.headers, 'content-length': String(all.byteLength) };
            delete relayed.connection;
            delete relayed['transfer-encoding'];
            outgoing.writeHead(answer.statusCode ?? 502, relayed);
            outgoing.end(all);
          });
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The BENCHMARKS.md section: one RevokeToken exchange direct, through the bare forwarder and through the judging proxy. */
export async function proxyOverheadSection(options: { rounds: number; iterations: number }): Promise<string[]> {
  const upstream = await startLoopbackServer(async () =>
    Response.json({}, { headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() } }),
  );
  const bare = await bareForwarder(upstream.url);
  const stop = new AbortController();
  let listening: (url: string) => void = () => {};
  const proxyUrl = new Promise<string>((resolve) => {
    listening = resolve;
  });
  const running = runProxy({
    upstream: upstream.url,
    allowRemote: false,
    port: 0,
    upstreamTimeoutMs: 10_000,
    strict: false,
    redact: true,
    reporters: [],
    print: () => {},
    signal: stop.signal,
    onListening: listening,
  });
  const proxy = await proxyUrl;
  const send = (url: string) => async () => {
    const response = await fetch(`${url}/`, REVOKE);
    if (response.status !== 200) throw new Error(`benchmark exchange answered ${response.status}`);
    await response.arrayBuffer();
  };
  const times = await compare({ direct: send(upstream.url), bare: send(bare.url), proxy: send(proxy) }, { ...options, warmup: 50 });
  stop.abort();
  const run = await running;
  await bare.close();
  await upstream.close();
  if (run.summary.failed > 0) throw new Error('the benchmark exchanges failed a rule');
  const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  return [
    '## Judging proxy overhead per exchange (one RevokeToken request, fetch client, loopback upstream)',
    '',
    '| path | per exchange | ratio to bare forwarder |',
    '| --- | --- | --- |',
    `| straight to the upstream (no forwarder) | ${fmt(times.direct!)} | ${ratio(times.direct!, times.bare!)} |`,
    `| bare loopback forwarder (read, send on a fresh connection, relay; no judging) | ${fmt(times.bare!)} | 1.00x |`,
    `| **judging proxy** (the same, plus observing, client and server rules, redaction, one printed line) | ${fmt(times.proxy!)} | **${ratio(times.proxy!, times.bare!)}** |`,
    '',
    `The proxy adds ${fmt(times.proxy! - times.bare!)} per exchange over the bare forwarder (${run.summary.total} exchanges judged in the run).`,
  ];
}
