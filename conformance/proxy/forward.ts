import type { PinnedEndpoint } from '../server/wire/endpoint-safety.ts';
import { isLoopbackAddress } from '../server/wire/endpoint-safety.ts';
import type { Exchange } from '../server/wire/exchange.ts';
import { sendOnce } from '../server/wire/send-once.ts';
import { type ProxiedRequest, type ProxyAnswer, proxyError } from './listen.ts';
import { PROXY_LIMITS } from './proxy-limits.ts';

// Per connection, not per message: the proxy's own connection to the upstream has its own.
// Host is the upstream's (node sets it), so a server that routes by host name sees its own.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer', 'host']);

/**
 * Sends the client's request to the upstream as it came (method, path below the upstream's
 * base path, headers, body), on a connection of its own, to the address checked once at start.
 * The same sender as the server suite's (`sendOnce`): it never follows a redirect, reads at
 * most PROXY_LIMITS.answerBodyBytes and gives up after `timeoutMs`, resolving with the reason.
 */
export function forward(upstream: PinnedEndpoint, request: ProxiedRequest, timeoutMs: number): Promise<Exchange> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  return sendOnce(upstream.url, { method: request.method, path: request.path, headers, body: request.body }, timeoutMs, upstream.address);
}

/** The host a redirect points at, when it is not this machine (a relative Location stays on the upstream). */
export function offLoopbackRedirect(exchange: Exchange, upstream: PinnedEndpoint): string | undefined {
  const response = exchange.response;
  const location = response?.headers['location'];
  if (!response || response.status < 300 || response.status >= 400 || location === undefined) return undefined;
  let target: URL;
  try {
    target = new URL(location, upstream.url);
  } catch {
    return undefined;
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return isLoopbackAddress(host) || host.toLowerCase() === 'localhost' ? undefined : target.host;
}

/**
 * What the client gets: the upstream's answer as it came, or, where there is none to relay,
 * an answer of the proxy's own that says why. An answer cut at the cap is not relayed (the
 * client would take the start of a body for the whole), and neither is a redirect off this
 * machine: nothing the proxy relays may send a client off loopback.
 */
export function answerFor(exchange: Exchange, upstream: PinnedEndpoint, allowRemote: boolean): ProxyAnswer {
  if (exchange.failure) {
    const status = exchange.failure.kind === 'timeout' ? 504 : 502;
    return proxyError(status, 'UpstreamUnavailable', `The upstream gave no answer: ${exchange.failure.detail}.`);
  }
  const response = exchange.response;
  if (response.truncated) {
    return proxyError(
      502,
      'UpstreamAnswerTooLarge',
      `The upstream's answer exceeds the proxy's cap of ${PROXY_LIMITS.answerBodyBytes} bytes; it was not relayed.`,
    );
  }
  const redirect = allowRemote ? undefined : offLoopbackRedirect(exchange, upstream);
  if (redirect !== undefined) {
    return proxyError(
      502,
      'UpstreamRedirectRefused',
      `The upstream redirected to ${redirect}, which is not this machine; the proxy neither follows nor relays it.`,
    );
  }
  return { status: response.status, headers: { ...response.headers }, body: response.body };
}
