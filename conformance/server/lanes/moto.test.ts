import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureVenv, repoRoot } from '../../adapters/toolchains/python-venv.mjs';
import { LaneError } from './cognito-local.ts';
import { MOTO_REQUIREMENTS, MOTO_VERSION, startMoto } from './moto.ts';

const SERVE_SCRIPT = fileURLToPath(new URL('./moto/serve.py', import.meta.url));

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

// Stand-ins for the interpreter, to drive the lane through what a real moto rarely does.
const fakes = mkdtempSync(join(tmpdir(), 'revoketoken-moto-fakes-'));
function fakeInterpreter(name: string, body: string): string {
  const path = join(fakes, name);
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
afterAll(() => rmSync(fakes, { recursive: true, force: true }));

describe('the moto lane', () => {
  it('runs the pinned moto on 127.0.0.1, and every start begins from nothing', async () => {
    const first = await startMoto();
    expect(first.name).toBe(`moto ${MOTO_VERSION}`);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await cognito(first.url, 'CreateUserPool', { PoolName: 'lane-test' });
    expect(created.status).toBe(200);
    expect((await cognito(first.url, 'ListUserPools', { MaxResults: 10 })).body['UserPools']).toHaveLength(1);
    await first.close();
    expect(alive(first.pid)).toBe(false);
    expect(existsSync(first.stateDirectory)).toBe(false);
    await expect(fetch(first.url)).rejects.toThrow();

    const second = await startMoto();
    try {
      expect((await cognito(second.url, 'ListUserPools', { MaxResults: 10 })).body['UserPools']).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('refuses another moto release than the pinned one, by name', async () => {
    const { python } = ensureVenv(MOTO_REQUIREMENTS, { venvDir: join(repoRoot, '.venv', 'moto') });
    const launcher = spawnSync(python, ['-I', '-B', SERVE_SCRIPT, '0.0.1'], { encoding: 'utf8', timeout: 60_000 });
    expect(launcher.status).toBe(3);
    expect(JSON.parse(launcher.stdout)).toEqual({ error: 'version', moto: MOTO_VERSION });

    const older = fakeInterpreter('older-moto', `console.log(JSON.stringify({ error: 'version', moto: '5.1.0' }));`);
    const refused = startMoto({ python: older });
    await expect(refused).rejects.toThrow(LaneError);
    await expect(refused).rejects.toThrow(`moto 5.1.0 is installed, but conformance/expectations/moto.json describes ${MOTO_VERSION}`);
  });

  it('gives up on a server that does not get ready within the bound, and stops it', async () => {
    const pidFile = join(fakes, 'stuck.pid');
    const stuck = fakeInterpreter('stuck', `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`);
    await expect(startMoto({ python: stuck, startTimeoutMs: 1500 })).rejects.toThrow('moto did not start within 1500 ms');
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('names the interpreter that is missing', async () => {
    await expect(startMoto({ python: join(fakes, 'no-such-python') })).rejects.toThrow(/could not start .*no-such-python/);
  });

  it('fails on close when moto tried to reach beyond loopback', async () => {
    const reaching = fakeInterpreter(
      'reaching',
      // The refusal is written before the ready line, as a real one comes before the lane is closed;
      // close() must still find it, however late the pipe delivers it.
      `process.stderr.write('moto-lane: refused name lookup of \\'cognito-idp.us-east-1.amazonaws.com\\'\\n');
console.log(JSON.stringify({ ready: true, port: 9, moto: '${MOTO_VERSION}' }));
setInterval(() => {}, 1000);`,
    );
    const server = await startMoto({ python: reaching });
    await expect(server.close()).rejects.toThrow(
      "moto tried to reach beyond loopback, and the lane refused it: name lookup of 'cognito-idp.us-east-1.amazonaws.com'",
    );
  });
});

describe("serve.py's guard", () => {
  let listener: Server;
  let port: number;
  beforeAll(async () => {
    listener = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  // Every refused destination is one that stays on this machine even if the guard were
  // broken (0.0.0.0 reaches the local host, a numeric lookup asks no resolver): the test can
  // fail without sending anything off the machine.
  it('lets loopback through and refuses every other destination, lookup and child process', () => {
    const { python } = ensureVenv(MOTO_REQUIREMENTS, { venvDir: join(repoRoot, '.venv', 'moto') });
    const probe = `
import json, socket, subprocess, sys
sys.path.insert(0, ${JSON.stringify(join(repoRoot, 'conformance', 'server', 'lanes', 'moto'))})
import serve
sys.addaudithook(serve.guard)
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
attempt('child process', lambda: subprocess.run(['true']))
print(json.dumps(results))
`;
    const run = spawnSync(python, ['-I', '-B', '-c', probe], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      'loopback v4': 'allowed',
      localhost: 'allowed',
      'any address': 'refused',
      lookup: 'refused',
      udp: 'refused',
      'child process': 'refused',
    });
    expect(run.stderr).toContain("moto-lane: refused socket.connect to ('0.0.0.0', ");
    expect(run.stderr).toContain('moto-lane: refused child process (subprocess.Popen)');
  });
});
