import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../adapters/toolchains/python-venv.mjs';
import { LaneError } from './cognito-local.ts';
import { MINISTACK_VERSION, miniStackPython, startMiniStack } from './ministack.ts';

const SERVE_SCRIPT = fileURLToPath(new URL('./ministack/serve.py', import.meta.url));

async function cognito(url: string, operation: string, input: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a TCP connection to host:port is accepted (true) or refused (false). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's own addresses on its other interfaces: connecting to them never leaves the machine. */
const ownOtherAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4')
  .map((entry) => entry!.address);

// Stand-ins for the interpreter, to drive the lane through what a real MiniStack rarely does.
const fakes = mkdtempSync(join(tmpdir(), 'revoketoken-ministack-fakes-'));
function fakeInterpreter(name: string, body: string): string {
  const path = join(fakes, name);
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
afterAll(() => rmSync(fakes, { recursive: true, force: true }));

describe('the ministack lane', () => {
  it('runs the pinned MiniStack on 127.0.0.1 only, and every start begins from nothing', async () => {
    const first = await startMiniStack();
    expect(first.name).toBe(`MiniStack ${MINISTACK_VERSION}`);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(first.url).port);
    // MiniStack's own command binds every interface (BIND_HOST 0.0.0.0); the lane binds loopback alone.
    for (const address of ownOtherAddresses) expect(await accepts(address, port), address).toBe(false);
    const created = await cognito(first.url, 'CreateUserPool', { PoolName: 'lane-test' });
    expect(created.status).toBe(200);
    expect((await cognito(first.url, 'ListUserPools', { MaxResults: 10 })).body['UserPools']).toHaveLength(1);
    await first.close();
    expect(alive(first.pid)).toBe(false);
    expect(existsSync(first.stateDirectory)).toBe(false);
    expect(await accepts('127.0.0.1', port)).toBe(false);

    const second = await startMiniStack();
    try {
      expect((await cognito(second.url, 'ListUserPools', { MaxResults: 10 })).body['UserPools']).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('refuses another MiniStack release than the pinned one, by name', async () => {
    const launcher = spawnSync(miniStackPython(), ['-I', '-B', SERVE_SCRIPT, '0.0.1'], { encoding: 'utf8', timeout: 60_000 });
    expect(launcher.status).toBe(3);
    expect(JSON.parse(launcher.stdout)).toEqual({ error: 'version', ministack: MINISTACK_VERSION });

    const older = fakeInterpreter('older-ministack', `console.log(JSON.stringify({ error: 'version', ministack: '1.4.0' }));`);
    const refused = startMiniStack({ python: older });
    await expect(refused).rejects.toThrow(LaneError);
    await expect(refused).rejects.toThrow(`ministack 1.4.0 is installed, but conformance/expectations/ministack.json describes ${MINISTACK_VERSION}`);
  });

  it('gives up on a server that does not get ready within the bound, and stops it', async () => {
    const pidFile = join(fakes, 'stuck.pid');
    const stuck = fakeInterpreter('stuck', `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`);
    await expect(startMiniStack({ python: stuck, startTimeoutMs: 1500 })).rejects.toThrow('MiniStack did not start within 1500 ms');
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('names the interpreter that is missing, and a launcher that prints something else', async () => {
    await expect(startMiniStack({ python: join(fakes, 'no-such-python') })).rejects.toThrow(/could not start .*no-such-python for the MiniStack lane/);
    const chatty = fakeInterpreter('chatty', `console.log('Starting MiniStack...'); setInterval(() => {}, 1000);`);
    await expect(startMiniStack({ python: chatty })).rejects.toThrow("MiniStack's launcher printed something other than its ready line: Starting MiniStack...");
  });

  it('fails on close when MiniStack tried to reach beyond loopback', async () => {
    const reaching = fakeInterpreter(
      'reaching',
      // The refusal is written before the ready line, as a real one comes before the lane is
      // closed; close() must still find it, however late the pipe delivers it.
      `process.stderr.write("ministack-lane: refused socket.connect to ('52.94.0.1', 443)\\n");
console.log(JSON.stringify({ ready: true, port: 9, ministack: '${MINISTACK_VERSION}' }));
setInterval(() => {}, 1000);`,
    );
    const server = await startMiniStack({ python: reaching });
    await expect(server.close()).rejects.toThrow("MiniStack tried to reach beyond loopback, and the lane refused it: socket.connect to ('52.94.0.1', 443)");
  });
});

describe("loopback_guard.py, MiniStack's audit hook", () => {
  let listener: Server;
  let port: number;
  beforeAll(async () => {
    listener = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  // Every refused destination is one that stays on this machine even if the guard were
  // broken (0.0.0.0 reaches the local host, a numeric lookup asks no resolver, the Unix socket
  // does not exist): the test can fail without sending anything off the machine.
  it('lets loopback through and refuses every other destination, lookup, Unix socket and child process', () => {
    const probe = `
import json, socket, subprocess, sys
sys.path.insert(0, ${JSON.stringify(join(repoRoot, 'conformance', 'server', 'lanes'))})
import loopback_guard
sys.addaudithook(loopback_guard.guard_for('ministack'))
results = {}
def attempt(name, action):
    try:
        action()
        results[name] = 'allowed'
    except PermissionError:
        results[name] = 'refused'
    except OSError as error:
        results[name] = 'allowed (' + type(error).__name__ + ')'
def connect(host):
    with socket.create_connection((host, ${port}), timeout=2):
        pass
attempt('loopback v4', lambda: connect('127.0.0.1'))
attempt('localhost', lambda: connect('localhost'))
attempt('any address', lambda: socket.socket().connect(('0.0.0.0', ${port})))
attempt('lookup', lambda: socket.getaddrinfo('0.0.0.0', ${port}))
attempt('udp', lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('0.0.0.0', ${port})))
attempt('unix socket', lambda: socket.socket(socket.AF_UNIX).connect('/nonexistent/docker.sock'))
attempt('child process', lambda: subprocess.run(['true']))
print(json.dumps(results))
`;
    const run = spawnSync(miniStackPython(), ['-I', '-B', '-c', probe], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      'loopback v4': 'allowed',
      localhost: 'allowed',
      'any address': 'refused',
      lookup: 'refused',
      udp: 'refused',
      'unix socket': 'refused',
      'child process': 'refused',
    });
    expect(run.stderr).toContain("ministack-lane: refused socket.connect to ('0.0.0.0', ");
    expect(run.stderr).toContain("ministack-lane: refused socket.connect to '/nonexistent/docker.sock'");
    expect(run.stderr).toContain('ministack-lane: refused child process (subprocess.Popen)');
  });
});
