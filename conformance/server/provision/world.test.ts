import { afterEach, describe, expect, it } from 'vitest';
import { SensitiveValues } from '../../redaction/redact.ts';
import { type LoopbackServer, startLoopbackServer } from '../../wire/loopback-server.ts';
import { createReferenceService } from '../reference/index.ts';
import { ServerWire } from '../wire/server-wire.ts';
import { AwsJsonClient } from './aws-json-client.ts';
import { getTokensFromRefreshToken, getUser, refreshedAccessToken, refreshSession, signIn } from './sessions.ts';
import { CLIENT_ROLES, provisionWorld, SetupError, SIGN_IN_ROLES, USER_COUNT, withOwnUsers } from './world.ts';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function clientFor(handle: (request: Request) => Promise<Response>) {
  const server = await startLoopbackServer(handle);
  servers.push(server);
  const wire = new ServerWire({ endpoint: new URL(server.url), maxRequests: 100, ratePerSecond: 1000, timeoutMs: 2000 });
  return { api: new AwsJsonClient(wire, 'us-east-1'), wire };
}

describe('provisionWorld', () => {
  it('creates a pool, the six clients and two users who sign in on each client that allows it, all of it remembered as sensitive', async () => {
    const service = createReferenceService();
    const { api, wire } = await clientFor((request) => service.handle(request));
    const sensitive = new SensitiveValues();
    const world = await provisionWorld(api, sensitive);
    expect(wire.sent).toBe(1 + CLIENT_ROLES.length + 2 * USER_COUNT);
    expect(world.users).toHaveLength(USER_COUNT);
    expect(world.clients.confidential.clientSecret).toBeDefined();
    expect(world.clients.public.clientSecret).toBeUndefined();
    expect(world.clients.revocationOff.revocation).toBe(false);
    expect([world.clients.rotating.rotationGraceSeconds, world.clients.rotatingWithGrace.rotationGraceSeconds]).toEqual([0, 60]);
    expect(world.clients.defaults.described['EnableTokenRevocation']).toBe(true);
    for (const role of SIGN_IN_ROLES) {
      for (const user of [0, 1]) {
        const tokens = await signIn(api, world, role, sensitive, user);
        expect(sensitive.redact(`${tokens.refreshToken} ${world.clients[role].clientId} ${world.users[user]!.password}`)).toBe(
          '[redacted] [redacted] [redacted]',
        );
        const refreshed =
          world.clients[role].rotationGraceSeconds === undefined
            ? await refreshSession(api, world, role, tokens.refreshToken, sensitive, { user })
            : await getTokensFromRefreshToken(api, world, role, tokens.refreshToken, sensitive);
        expect(refreshedAccessToken(refreshed)).toBeDefined();
        expect((await getUser(api, tokens.accessToken)).ok).toBe(true);
      }
    }
  });

  it('gives a sequence users of its own in the same pool and clients, who sign in, and names their setup steps', async () => {
    const service = createReferenceService();
    const { api, wire } = await clientFor((request) => service.handle(request));
    const sensitive = new SensitiveValues();
    const world = await provisionWorld(api, sensitive);
    const before = wire.sent;
    const own = await withOwnUsers(world, api, sensitive);
    expect(wire.sent - before).toBe(2 * USER_COUNT);
    expect([own.poolId, own.clients]).toEqual([world.poolId, world.clients]);
    expect(own.users.map((u) => u.username)).not.toContain(world.users[0]!.username);
    expect(own.username).toBe(own.users[0]!.username);
    expect((await getUser(api, (await signIn(api, own, 'public', sensitive, 1)).accessToken)).ok).toBe(true);

    const { api: failing } = await clientFor(async (request) =>
      request.headers.get('x-amz-target')?.endsWith('.AdminSetUserPassword')
        ? new Response('{"__type":"InternalErrorException"}', { status: 500 })
        : service.handle(request),
    );
    await expect(withOwnUsers(world, failing, sensitive)).rejects.toThrow(/^AdminSetUserPassword \(for the sequence\): 500/);
  });

  it('names the step that failed', async () => {
    const service = createReferenceService();
    const { api } = await clientFor(async (request) =>
      request.headers.get('x-amz-target')?.endsWith('.AdminCreateUser')
        ? new Response('{"__type":"InternalErrorException"}', { status: 500 })
        : service.handle(request),
    );
    const failure = provisionWorld(api, new SensitiveValues());
    await expect(failure).rejects.toBeInstanceOf(SetupError);
    await expect(failure).rejects.toThrow(/^AdminCreateUser: 500 InternalErrorException/);
  });

  it('signs the admin calls and leaves the user calls unsigned', async () => {
    const service = createReferenceService();
    const signed = new Map<string, boolean>();
    const { api } = await clientFor(async (request) => {
      signed.set(request.headers.get('x-amz-target')?.split('.')[1] ?? '', request.headers.has('authorization'));
      return service.handle(request);
    });
    const sensitive = new SensitiveValues();
    await signIn(api, await provisionWorld(api, sensitive), 'public', sensitive);
    expect(Object.fromEntries(signed)).toEqual({
      CreateUserPool: true,
      CreateUserPoolClient: true,
      AdminCreateUser: true,
      AdminSetUserPassword: true,
      InitiateAuth: false,
    });
  });
});
