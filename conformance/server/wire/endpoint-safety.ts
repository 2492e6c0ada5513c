import { lookup } from 'node:dns/promises';
import { connect, isIP } from 'node:net';

/**
 * The endpoint given to the server suite cannot be used as asked: not a URL, or a server on
 * another machine without `allowRemote`.
 * @public
 */
export class EndpointSafetyError extends Error {
  override name = 'EndpointSafetyError';
}

/** @internal */
export interface EndpointCheckOptions {
  /** Let the suite test a server that is not on this machine. */
  allowRemote?: boolean;
  /** Resolves a remote host name (allowRemote only) to its addresses (injectable for tests). Default: the system resolver. */
  resolve?: (host: string) => Promise<string[]>;
  /** True when something listens on address:port (injectable for tests). Default: a TCP connect on loopback. */
  listening?: (address: string, port: number) => Promise<boolean>;
}

/** An endpoint checked once and pinned: every request connects to `address`, never to a fresh lookup of the host. @internal */
export interface PinnedEndpoint {
  url: URL;
  address: string;
}

// The names RFC 6761 reserves for this machine. They are answered here, never by the system
// resolver: `localhost.` (the fully qualified form) goes to DNS on many systems.
const LOCALHOST_NAMES = new Set(['localhost', 'localhost.']);
const LOOPBACK_CANDIDATES = ['127.0.0.1', '::1'];
const PROBE_TIMEOUT_MS = 1000;

function defaultListening(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: PROBE_TIMEOUT_MS });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

function defaultPort(url: URL): number {
  return url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/**
 * True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z, which URL parsing
 * writes as ::ffff:7fxx:xxxx).
 * @internal
 */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return bare.split('.')[0] === '127';
  if (isIP(bare) !== 6) return false;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(.+)$/.exec(bare)?.[1];
  if (mapped === undefined) return false;
  if (isIP(mapped) === 4) return mapped.startsWith('127.');
  return /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(mapped);
}

const defaultResolve = async (host: string) => (await lookup(host, { all: true })).map((entry) => entry.address);

/**
 * Parses the endpoint and refuses it unless it is plainly this machine: an address in
 * 127.0.0.0/8, ::1, or `localhost` (which is never looked up: see resolveEndpoint). The suite creates
 * user pools, app clients and users and sends hundreds of requests, so pointing it at a shared
 * or production service by mistake must take a deliberate `allowRemote`.
 * @internal
 */
export async function checkEndpoint(endpoint: string, options: EndpointCheckOptions = {}): Promise<URL> {
  return (await resolveEndpoint(endpoint, options)).url;
}

/**
 * checkEndpoint, and the address the suite will connect to, decided once: an IP literal is
 * itself; `localhost` and `localhost.` are 127.0.0.1, or ::1 when only ::1 listens on the
 * port, without any lookup; another name (allowRemote only) is resolved once and its first
 * address kept.
 * @internal
 */
export async function resolveEndpoint(endpoint: string, options: EndpointCheckOptions = {}): Promise<PinnedEndpoint> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointSafetyError(`${JSON.stringify(endpoint)} is not a URL; give the server's base URL, e.g. http://127.0.0.1:9229`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EndpointSafetyError(`${url.protocol} endpoints are not supported; use http:// or https://`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new EndpointSafetyError('the endpoint URL must not carry credentials');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new EndpointSafetyError('the endpoint URL must not have a query or a fragment: awsJson requests go to the base path');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    if (!options.allowRemote && !isLoopbackAddress(host)) throw refuse(url, `${host} is not a loopback address`);
    return { url, address: host };
  }
  if (LOCALHOST_NAMES.has(host.toLowerCase())) {
    const listening = options.listening ?? defaultListening;
    const port = defaultPort(url);
    for (const candidate of LOOPBACK_CANDIDATES) if (await listening(candidate, port)) return { url, address: candidate };
    // Nothing listens yet: the cases report the refused connection.
    return { url, address: LOOPBACK_CANDIDATES[0]! };
  }
  if (!options.allowRemote) throw refuse(url, `${host} is not localhost or a loopback address`);
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? defaultResolve)(host);
  } catch (error) {
    throw new EndpointSafetyError(`could not resolve ${host}: ${(error as Error).message}`);
  }
  if (addresses.length === 0) throw new EndpointSafetyError(`could not resolve ${host}: no addresses`);
  return { url, address: addresses[0]! };
}

function refuse(url: URL, why: string): EndpointSafetyError {
  return new EndpointSafetyError(
    `refusing to test ${url.origin}: ${why}. The server suite only talks to this machine (127.0.0.0/8, ::1, localhost) ` +
      'unless told otherwise, because it creates user pools, app clients and users and sends hundreds of requests. ' +
      'Pass allowRemote (--allow-remote) to test a server elsewhere.',
  );
}
