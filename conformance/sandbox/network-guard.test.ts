import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installNetworkGuard, type NetworkGuard } from './network-guard.ts';

// The guard patches this test file's own process (vitest runs each file in a fresh one): only
// the loopback server started here is allowed.
let guard: NetworkGuard;
let server: net.Server;
let port: number;

beforeAll(async () => {
  server = net.createServer((socket) => socket.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  guard = installNetworkGuard({ allowed: [`127.0.0.1:${port}`] });
});
afterAll(() => server.close());

const failure = (socket: net.Socket) => new Promise<NodeJS.ErrnoException>((resolve) => socket.on('error', resolve));

describe('the network guard', () => {
  it('lets the harness reach its own loopback endpoint', async () => {
    const socket = net.connect(port, '127.0.0.1');
    const data = await new Promise<string>((resolve, reject) => {
      socket.on('data', (chunk) => resolve(String(chunk)));
      socket.on('error', reject);
    });
    expect(data).toBe('hello');
    expect(guard.drain()).toEqual([]);
  });

  it('refuses TCP and TLS anywhere else, naming the host, before anything leaves', async () => {
    expect((await failure(net.connect(443, 'cognito-idp.us-east-1.amazonaws.com'))).code).toBe('ECONNREFUSED');
    expect((await failure(tls.connect({ host: 'example.invalid', port: 443 }))).code).toBe('ECONNREFUSED');
    // Another port on loopback is not the harness's endpoint either.
    expect((await failure(net.connect({ host: '127.0.0.1', port: port + 1 }))).code).toBe('ECONNREFUSED');
    expect(guard.drain()).toEqual(['tcp cognito-idp.us-east-1.amazonaws.com:443', 'tcp example.invalid:443', `tcp 127.0.0.1:${port + 1}`]);
  });

  it('refuses fetch, which goes through the same sockets', async () => {
    await expect(fetch('https://cognito-idp.us-east-1.amazonaws.com/')).rejects.toThrow();
    expect(guard.drain()).toEqual(['tcp cognito-idp.us-east-1.amazonaws.com:443']);
  });

  it('refuses DNS in callback, promise and resolver form', async () => {
    const lookup = await new Promise<Error | null>((resolve) => dns.lookup('example.com', (error) => resolve(error)));
    expect(lookup).toBeInstanceOf(Error);
    await expect(dns.promises.resolve4('example.com')).rejects.toThrow(/refused/);
    await expect(new dns.promises.Resolver().resolveTxt('example.com')).rejects.toThrow(/refused/);
    expect(guard.drain()).toEqual(['dns lookup example.com', 'dns resolve4 example.com', 'dns resolveTxt example.com']);
  });

  it('refuses UDP datagrams', async () => {
    const socket = dgram.createSocket('udp4');
    const error = await new Promise<Error | null>((resolve) => socket.send('x', 53, '8.8.8.8', (e) => resolve(e)));
    socket.close();
    expect(error?.message).toMatch(/refused/);
    expect(guard.drain()).toEqual(['udp 8.8.8.8:53']);
  });
});
