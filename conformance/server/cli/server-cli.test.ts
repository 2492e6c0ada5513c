import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../self-test/broken-servers.ts';
import { type LoopbackServer, startLoopbackServer } from '../../wire/loopback-server.ts';
import { createReferenceService } from '../reference/index.ts';
import { runServerCli } from './server-cli.ts';

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runServerCli(argv, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), env: {} });
  return { code, stdout, stderr };
}

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('runServerCli exit codes', () => {
  it('0 when the reference server passes the selected cases', async () => {
    const { code, stdout } = await cli('--server', '--filter', 'auth', '--seed', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 passed, 0 failed/);
  });

  it('1 when a rule fails, with the rule and a replay line', async () => {
    const broken = BROKEN_SERVERS.find((b) => b.name === 'requires-sigv4')!;
    const server = await startLoopbackServer(broken.wrap(createReferenceService()));
    servers.push(server);
    const { code, stdout } = await cli('--server', server.url, '--filter', 'auth-accepts-unsigned-call', '--seed', '1');
    expect(code).toBe(1);
    expect(stdout).toMatch(/S15 \[must\]/);
    expect(stdout).toContain(`replay: npm run conformance -- --server ${server.url} --filter auth-accepts-unsigned-call`);
  });

  it('2 for an endpoint on another machine, saying how to allow it', async () => {
    const { code, stderr } = await cli('--server', 'http://192.0.2.1:9229');
    expect(code).toBe(2);
    expect(stderr).toMatch(/refusing to test http:\/\/192\.0\.2\.1:9229.*--allow-remote/s);
  });

  it('2 for a bad flag, an unknown filter and a budget too small to finish', async () => {
    expect((await cli('--server', '--rate', 'fast')).code).toBe(2);
    expect((await cli('--server', '--filter', 'S99')).stderr).toMatch(/filter S99: no server case/);
    // The world takes 11 setup calls; the first case then signs in and revokes, the second cannot.
    const tight = await cli('--server', '--filter', 'auth', '--max-requests', '13', '--seed', '1');
    expect(tight.code).toBe(2);
    expect(tight.stderr).toMatch(/request budget ran out after 13 requests/);
  });

  it('lists the cases and prints the help', async () => {
    expect((await cli('--server', '--list', '--filter', 'S15')).stdout).toBe(
      'scripted  auth-accepts-unsigned-call [must] S15 auth\nscripted  auth-accepts-signed-call [must] S15 auth\n',
    );
    expect((await cli('--server', '--help')).stdout).toMatch(/^Usage: npm run conformance -- --server/);
  });
});
