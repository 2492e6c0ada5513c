import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

/**
 * The network guard of an adapter sandbox: every way Node offers to open a connection or ask a
 * name server (TCP and TLS sockets, which fetch, http, https and http2 all end in; DNS lookups
 * and resolvers, callback and promise forms; UDP sockets; the raw bindings) is refused before
 * anything leaves, unless it goes to one of the harness's own loopback endpoints. Each refusal
 * is recorded with its host, so the case that made it fails rule A6 naming it. Installed before
 * the adapter's module (and msw) load, and on the prototypes, so references kept from load
 * time are guarded too.
 */
export interface NetworkGuard {
  /** Attempts since the last drain, oldest first (`tcp cognito-idp.us-east-1.amazonaws.com:443`). */
  drain(): string[];
}

export interface GuardOptions {
  /** `host:port` pairs the harness itself listens on; nothing else is allowed. */
  allowed: readonly string[];
  /** Lets connections through that the guard should only watch (a test counting attempts); absent: only `allowed`. */
  passThrough?: (host: string, port: string) => boolean;
}

const MAX_RECORDED = 100;

/** The error a refused attempt gets: like a refused connection, so clients fail in their usual way. */
function refusal(what: string): NodeJS.ErrnoException {
  const error = new Error(`conformance sandbox: connection refused before it left the machine (${what})`) as NodeJS.ErrnoException;
  error.code = 'ECONNREFUSED';
  return error;
}

interface ConnectTarget {
  host: string;
  port: string;
}

/** Where a Socket#connect call is going, whichever of its call forms was used. */
function targetOf(args: unknown[]): ConnectTarget {
  let first = args[0];
  // net.connect() hands Socket#connect its already-normalised [options, callback] array.
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    const options = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof options.path === 'string') return { host: `unix:${options.path}`, port: '' };
    return { host: typeof options.host === 'string' ? options.host : 'localhost', port: String(options.port ?? '') };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: `unix:${first}`, port: '' };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: String(first ?? '') };
}

export function installNetworkGuard(options: GuardOptions): NetworkGuard {
  const attempts: string[] = [];
  const allowed = new Set(options.allowed);
  const record = (what: string) => {
    if (attempts.length < MAX_RECORDED) attempts.push(what);
  };

  // TCP and TLS: tls.connect, http(s).request, fetch (undici) and http2 all call Socket#connect.
  const realConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const { host, port } = targetOf(args);
    if (allowed.has(`${host}:${port}`) || options.passThrough?.(host, port)) return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    const what = `tcp ${host}${port ? `:${port}` : ''}`;
    record(what);
    process.nextTick(() => this.destroy(refusal(what)));
    return this;
  } as typeof realConnect;

  // DNS: no name needs resolving, since every request the suite answers is intercepted.
  const guardLookups = (target: Record<string, unknown>, promised: boolean) => {
    for (const key of Object.keys(target)) {
      if (!/^(lookup|lookupService|resolve|resolve\w+|reverse)$/.test(key) || typeof target[key] !== 'function') continue;
      target[key] = (...args: unknown[]) => {
        const what = `dns ${key} ${String(args[0])}`;
        record(what);
        if (promised) return Promise.reject(refusal(what));
        const callback = args.findLast((a) => typeof a === 'function') as ((error: Error) => void) | undefined;
        if (callback) process.nextTick(() => callback(refusal(what)));
        return undefined;
      };
    }
  };
  guardLookups(dns as unknown as Record<string, unknown>, false);
  guardLookups(dns.promises as unknown as Record<string, unknown>, true);
  guardLookups(dns.Resolver.prototype as unknown as Record<string, unknown>, false);
  guardLookups(dns.promises.Resolver.prototype as unknown as Record<string, unknown>, true);

  // UDP: sending or connecting a datagram socket anywhere.
  const udp = dgram.Socket.prototype as unknown as Record<string, unknown>;
  for (const key of ['send', 'connect']) {
    udp[key] = function guardedUdp(this: dgram.Socket, ...args: unknown[]) {
      const port = args.find((a) => typeof a === 'number');
      const host = args.find((a, i) => i > 0 && typeof a === 'string');
      const what = `udp ${String(host ?? 'localhost')}:${String(port ?? '')}`;
      record(what);
      const callback = args.findLast((a) => typeof a === 'function') as ((error: Error) => void) | undefined;
      process.nextTick(() => (callback ? callback(refusal(what)) : this.emit('error', refusal(what))));
    };
  }

  // The raw handles behind all of the above, reachable through the deprecated process.binding.
  const realBinding = (process as unknown as { binding: (name: string) => unknown }).binding;
  (process as unknown as { binding: (name: string) => unknown }).binding = (name: string) => {
    if (/^(tcp_wrap|udp_wrap|tls_wrap|pipe_wrap|cares_wrap|js_stream)$/.test(name)) {
      record(`binding ${name}`);
      throw refusal(`process.binding('${name}')`);
    }
    return realBinding.call(process, name);
  };

  return {
    drain() {
      return attempts.splice(0, attempts.length);
    },
  };
}
