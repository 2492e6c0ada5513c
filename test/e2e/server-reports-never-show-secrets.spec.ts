import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_SERVERS } from '../../conformance/self-test/broken-servers.ts';
import { createReferenceService } from '../../conformance/server/reference/index.ts';
import { type LoopbackServer, startLoopbackServer } from '../../conformance/wire/loopback-server.ts';
import { cli as serverCli } from './cli-harness.ts';

const SECRET_MEMBERS = new Set([
  'Token',
  'ClientId',
  'ClientSecret',
  'Username',
  'Password',
  'TemporaryPassword',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'USERNAME',
  'PASSWORD',
  'SECRET_HASH',
  'REFRESH_TOKEN',
]);

/** Every value under a secret member name, at any depth of a JSON document. */
function secretsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) secretsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [name, member] of Object.entries(value)) {
      if (SECRET_MEMBERS.has(name) && typeof member === 'string' && member.length >= 8) into.add(member);
      else secretsIn(member, into);
    }
  }
}

const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** The echoing broken server, recording every secret that crossed the wire in either direction. */
async function echoingServer(): Promise<{ url: string; secrets: Set<string> }> {
  const service = createReferenceService();
  const handle = BROKEN_SERVERS.find((b) => b.name === 'echoes-the-client-secret')!.wrap(service);
  const secrets = new Set<string>();
  const server = await startLoopbackServer(async (request) => {
    try {
      secretsIn(JSON.parse(await request.clone().text()), secrets);
    } catch {
      // Probes send bodies that are not JSON on purpose.
    }
    const response = await handle(request);
    try {
      secretsIn(JSON.parse(await response.clone().text()), secrets);
    } catch {
      // Same for answers.
    }
    return response;
  });
  servers.push(server);
  return { url: server.url, secrets };
}

describe('server reports never show a secret', () => {
  it('human, JSON, JUnit and HTML reports (with their captured exchanges) carry no token, client id, secret, username or password, even echoed back', async () => {
    const { url, secrets } = await echoingServer();
    const dir = mkdtempSync(join(tmpdir(), 'server-redaction-'));
    const { code, stdout, stderr } = await serverCli(
      '--server',
      url,
      '--seed',
      '1',
      '--verbose',
      '--reporter',
      'human',
      '--reporter',
      `json=${join(dir, 'r.json')}`,
      '--reporter',
      `junit=${join(dir, 'r.xml')}`,
      '--reporter',
      `html=${join(dir, 'r.html')}`,
    );
    expect(code).toBe(1);
    expect(stdout).toContain('P1 [must]');
    expect(secrets.size).toBeGreaterThan(20);
    const reports = [
      stdout,
      stderr,
      readFileSync(join(dir, 'r.json'), 'utf8'),
      readFileSync(join(dir, 'r.xml'), 'utf8'),
      readFileSync(join(dir, 'r.html'), 'utf8'),
    ];
    for (const secret of secrets) for (const report of reports) expect(report.includes(secret), 'a secret reached a report').toBe(false);
  });

  it('shows them only when asked with --no-redact (so the test above can fail)', async () => {
    // Refuses every RevokeToken, quoting the token: the failure report then holds it.
    const service = createReferenceService();
    let token = '';
    const server = await startLoopbackServer(async (request) => {
      if (!request.headers.get('x-amz-target')?.endsWith('.RevokeToken')) return service.handle(request);
      token = String((JSON.parse(await request.text()) as Record<string, unknown>)['Token']);
      return new Response(JSON.stringify({ __type: 'InvalidParameterException', message: `not this token: ${token}` }), {
        status: 400,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r' },
      });
    });
    servers.push(server);
    const redacted = await serverCli('--server', server.url, '--seed', '1', '--filter', 'auth-accepts-unsigned-call');
    expect(redacted.stdout).toContain('not this token: [redacted]');
    expect(redacted.stdout).not.toContain(token);
    const shown = await serverCli('--server', server.url, '--seed', '1', '--filter', 'auth-accepts-unsigned-call', '--no-redact');
    expect(shown.stdout).toContain(`not this token: ${token.slice(0, 100)}`);
  });
});
