import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

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
  /** Resolves a host name to its addresses (injectable for tests). Default: the system resolver. */
  resolve?: (host: string) => Promise<string[]>;
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
 * 127.0.0.0/8, ::1, or `localhost` resolving to loopback addresses only. The suite creates
 * user pools, app clients and users and sends hundreds of requests, so pointing it at a shared
 * or production service by mistake must take a deliberate `allowRemote`.
 * @internal
 */
export async function checkEndpoint(endpoint: string, options: EndpointCheckOptions = {}): Promise<URL> {
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
  if (options.allowRemote) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const refuse = (why: string) =>
    new EndpointSafetyError(
      `refusing to test ${url.origin}: ${why}. The server suite only talks to this machine (127.0.0.0/8, ::1, localhost) ` +
        'unless told otherwise, because it creates user pools, app clients and users and sends hundreds of requests. ' +
        'Pass allowRemote (--allow-remote) to test a server elsewhere.',
    );
  if (isIP(host) !== 0) {
    if (!isLoopbackAddress(host)) throw refuse(`${host} is not a loopback address`);
    return url;
  }
  if (host.toLowerCase() !== 'localhost' && host.toLowerCase() !== 'localhost.') throw refuse(`${host} is not localhost or a loopback address`);
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? defaultResolve)(host);
  } catch (error) {
    throw new EndpointSafetyError(`could not resolve ${host}: ${(error as Error).message}`);
  }
  const elsewhere = addresses.filter((address) => !isLoopbackAddress(address));
  if (addresses.length === 0 || elsewhere.length > 0)
    throw refuse(`${host} resolves to ${addresses.length === 0 ? 'nothing' : elsewhere.join(', ')} on this machine`);
  return url;
}
