import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKECLOUD_VERSION as BUILT_VERSION, installPaths } from '../../adapters/toolchains/fakecloud-build.mjs';
import { buildLoopbackGuard } from '../../adapters/toolchains/loopback-guard-build.mjs';
import { repoRoot } from '../../adapters/toolchains/python-venv.mjs';
import { LaneError } from './cognito-local.ts';
import { FAKECLOUD_VERSION, startFakecloud } from './fakecloud.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** This machine's own addresses on its other interfaces: connecting to them never leaves the machine. */
const _ownOtherAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4')
  .map((entry) => entry!.address);

// Stand-ins for fakecloud (Node scripts), to drive the lane through what a real one rarely does.
const fakes = mkdtempSync(join(tmpdir(), 'revoketoken-fakecloud-fakes-'));
function fakeBinary(name: string, body: string): string {
  const path = join(fakes, name);
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
afterAll(() => rmSync(fakes, { recursive: true, force: true }));

/** A stand-in that announces its port as fakecloud does and answers every request with 200. */
const SERVING = `const server = require('node:http').createServer((request, response) => response.end('{}'));
server.listen(0, '127.0.0.1', () => console.log('FAKECLOUD_PORT=' + server.address().port));`;

describe('the fakecloud lane, with stand-ins', () => {
  it('pins one release in the lane and in its build script', () => {
    expect(FAKECLOUD_VERSION).toBe(BUILT_VERSION);
  });

  it('keeps fakecloud (AGPL-3.0) out of the package: no entry of package.json files reaches its build or its guard', () => {
    const { files } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    const shipped = (path: string) => files.some((entry) => path.startsWith(entry.replace(/\*.*$/, '')));
    expect(files.length).toBeGreaterThan(0);
    for (const path of [
      relative(repoRoot, installPaths('0'.repeat(64)).binary),
      '.cache/loopback-guard/x.so',
      'conformance/server/lanes/fakecloud/loopback-guard.c',
    ])
      expect(shipped(path), path).toBe(false);
    expect(shipped('dist/conformance/server/lanes/fakecloud.js')).toBe(true); // the lane's own code ships, and builds fakecloud in a clone only
  });

  it('reads the port fakecloud announces, past any other line, and is ready once it answers', async () => {
    const server = await startFakecloud({ binary: fakeBinary('announcing', `console.log('starting');\n${SERVING}`) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.name).toBe(`fakecloud ${FAKECLOUD_VERSION}`);
    await server.close();
    expect(alive(server.pid)).toBe(false);
    expect(existsSync(server.stateDirectory)).toBe(false);
  });

  it('gives up on a program that never announces a port within the bound, and stops it', async () => {
    const pidFile = join(fakes, 'stuck.pid');
    const stuck = fakeBinary('stuck', `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`);
    await expect(startFakecloud({ binary: stuck, startTimeoutMs: 1500 })).rejects.toThrow('fakecloud did not start within 1500 ms');
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('gives up on a port that is announced but never answers, and stops the program', async () => {
    // Announces a port nothing listens on (the discard port), then stays alive.
    const silent = fakeBinary('silent', `console.log('FAKECLOUD_PORT=9'); setInterval(() => {}, 1000);`);
    await expect(startFakecloud({ binary: silent, startTimeoutMs: 1500 })).rejects.toThrow('fakecloud announced port 9 but did not answer');
  });

  it('names the program that is missing, and one that exits during start-up', async () => {
    await expect(startFakecloud({ binary: join(fakes, 'no-such-fakecloud') })).rejects.toThrow(/could not start .*no-such-fakecloud for the fakecloud lane/);
    const failing = fakeBinary('failing', `process.stderr.write('failed to bind 127.0.0.1:0\\n'); process.exit(1);`);
    await expect(startFakecloud({ binary: failing })).rejects.toThrow('fakecloud exited during start-up (code 1): failed to bind 127.0.0.1:0');
  });

  it('fails on close when fakecloud tried to reach beyond loopback', async () => {
    const reaching = fakeBinary('reaching', `process.stderr.write('fakecloud-lane: refused connect to 52.94.0.1:443\\n');\n${SERVING}`);
    const server = await startFakecloud({ binary: reaching });
    await expect(server.close()).rejects.toThrow(LaneError);
  });

  it('runs the program with none of the caller\u2019s environment, and with the guard loaded', async () => {
    const seen = join(fakes, 'environment.json');
    const recording = fakeBinary('recording', `require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify(process.env));\n${SERVING}`);
    process.env['AWS_PROFILE'] = 'the-callers-profile';
    try {
      const server = await startFakecloud({ binary: recording });
      await server.close();
    } finally {
      delete process.env['AWS_PROFILE'];
    }
    const environment = JSON.parse(readFileSync(seen, 'utf8')) as Record<string, string>;
    expect(environment['AWS_PROFILE']).toBeUndefined();
    expect(environment['LD_PRELOAD']).toBe(buildLoopbackGuard().library);
    expect(environment['PATH']).toMatch(/revoketoken-fakecloud-.*\/no-programs$/);
    expect(environment['HTTPS_PROXY']).toBe('http://127.0.0.1:9');
  });
});

describe('loopback-guard.c, the LD_PRELOAD guard of the fakecloud lane', () => {
  let listener: Server;
  let port: number;
  beforeAll(async () => {
    listener = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  // Node is a glibc program like fakecloud: libuv calls connect, getaddrinfo, bind and fork
  // through the C library. Every refused destination stays on this machine even if the guard
  // were broken (0.0.0.0 reaches the local host, the Unix socket does not exist, a lookup of a
  // name under .invalid is answered by no one), so the test can fail without sending anything off the machine.
  it('lets loopback through and refuses every other destination, listening address, lookup, Unix socket and child process', () => {
    const probe = `
const net = require('node:net'), dgram = require('node:dgram'), dns = require('node:dns'), { spawnSync } = require('node:child_process');
const results = {};
const connectTo = (options) => new Promise((resolve) => {
  const socket = net.connect(options, () => { socket.destroy(); resolve('allowed'); });
  socket.once('error', (error) => resolve(error.code === 'EPERM' ? 'refused' : 'allowed (' + error.code + ')'));
});
(async () => {
  results['loopback v4'] = await connectTo({ host: '127.0.0.1', port: ${port} });
  results['localhost'] = await connectTo({ host: 'localhost', port: ${port}, family: 4 });
  results['any address'] = await connectTo({ host: '0.0.0.0', port: ${port} });
  results['unix socket'] = await connectTo({ path: '/nonexistent/docker.sock' });
  results['lookup'] = await new Promise((resolve) => dns.lookup('revoketoken.invalid', (error) => resolve(error && error.code === 'EAI_FAIL' ? 'refused' : 'allowed (' + (error && error.code) + ')')));
  results['listening on every interface'] = await new Promise((resolve) => {
    const server = net.createServer().once('error', (error) => resolve(error.code === 'EPERM' ? 'refused' : 'allowed (' + error.code + ')'));
    server.listen(0, '0.0.0.0', () => { server.close(); resolve('allowed'); });
  });
  results['listening on loopback'] = await new Promise((resolve) => {
    const server = net.createServer().once('error', (error) => resolve('refused (' + error.code + ')'));
    server.listen(0, '127.0.0.1', () => { server.close(); resolve('allowed'); });
  });
  results['udp'] = await new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.send('x', ${port}, '0.0.0.0', (error) => { socket.close(); resolve(error && error.code === 'EPERM' ? 'refused' : 'allowed (' + (error && error.code) + ')'); });
  });
  const child = spawnSync('/bin/true');
  results['child process'] = child.error && child.error.code === 'EPERM' ? 'refused' : 'allowed (' + (child.error ? child.error.code : child.status) + ')';
  console.log(JSON.stringify(results));
})();
`;
    const run = spawnSync(process.execPath, ['-e', probe], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env['PATH'] ?? '', LD_PRELOAD: buildLoopbackGuard().library, LOOPBACK_GUARD_MARK: 'probe-lane: refused ' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      'loopback v4': 'allowed',
      localhost: 'allowed',
      'any address': 'refused',
      'unix socket': 'refused',
      lookup: 'refused',
      'listening on every interface': 'refused',
      'listening on loopback': 'allowed',
      udp: 'refused',
      'child process': 'refused',
    });
    expect(run.stderr).toContain(`probe-lane: refused connect to 0.0.0.0:${port}`);
    expect(run.stderr).toContain('probe-lane: refused connect to unix:/nonexistent/docker.sock');
    expect(run.stderr).toContain('probe-lane: refused name lookup of revoketoken.invalid');
    expect(run.stderr).toContain('probe-lane: refused listening on 0.0.0.0:');
    expect(run.stderr).toContain(`probe-lane: refused datagram to 0.0.0.0:${port}`);
    expect(run.stderr).toMatch(/probe-lane: refused child process \((fork|vfork|execvp?|posix_spawnp?)/);
  });
});
