import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../protocol/secret-hash.ts';
import { createReferenceService } from '../../server/reference/index.ts';
import type { FetchHandle } from '../../wire/loopback-server.ts';
import { CATALOGUE_FAULTS } from './catalogue-faults.ts';
import { internalRequest } from './session-ledger.ts';

// Each fault must be a fault: one short script, run on the faulty server and on the reference,
// tells them apart. This is what makes a survivor a gap in the suite rather than a wrapper that
// does nothing. The scripts call the handler directly, without HTTP or the suite.

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

type ClientName = 'public' | 'confidential' | 'revocationOff' | 'defaults' | 'rotating';
type Tokens = { AccessToken: string; IdToken: string; RefreshToken: string };

/** A pool with five app clients (one rotating its refresh tokens) and two users, on one handler. */
class DemoWorld {
  readonly clients = {} as Record<ClientName, { id: string; secret?: string }>;
  #poolId = '';

  constructor(readonly handle: FetchHandle) {}

  async call(operation: string, body: Record<string, unknown>): Promise<Answer> {
    const response = await this.handle(internalRequest(operation, body));
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers };
  }

  async setUp(): Promise<this> {
    this.#poolId = String(((await this.call('CreateUserPool', { PoolName: 'demo' })).body['UserPool'] as Record<string, unknown>)['Id']);
    const settings: Record<ClientName, Record<string, unknown>> = {
      public: { EnableTokenRevocation: true },
      confidential: { EnableTokenRevocation: true, GenerateSecret: true },
      revocationOff: { EnableTokenRevocation: false },
      defaults: {},
      rotating: { EnableTokenRevocation: true, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } },
    };
    for (const [name, extra] of Object.entries(settings) as Array<[ClientName, Record<string, unknown>]>) {
      const created = (
        await this.call('CreateUserPoolClient', {
          UserPoolId: this.#poolId,
          ClientName: name,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          ...extra,
        })
      ).body['UserPoolClient'] as Record<string, unknown>;
      this.clients[name] = { id: String(created['ClientId']), ...(typeof created['ClientSecret'] === 'string' ? { secret: created['ClientSecret'] } : {}) };
    }
    for (const username of ['alice', 'bob']) {
      await this.call('AdminCreateUser', { UserPoolId: this.#poolId, Username: username, MessageAction: 'SUPPRESS' });
      await this.call('AdminSetUserPassword', { UserPoolId: this.#poolId, Username: username, Password: 'Demo-Pass-1!', Permanent: true });
    }
    return this;
  }

  #hash(client: ClientName, username: string): Record<string, string> {
    const { id, secret } = this.clients[client];
    return secret === undefined ? {} : { SECRET_HASH: secretHash(secret, username, id) };
  }

  async signIn(username: string, client: ClientName = 'public'): Promise<Tokens & { username: string; client: ClientName }> {
    const answer = await this.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: this.clients[client].id,
      AuthParameters: { USERNAME: username, PASSWORD: 'Demo-Pass-1!', ...this.#hash(client, username) },
    });
    return { ...(answer.body['AuthenticationResult'] as Tokens), username, client };
  }

  refresh(session: { RefreshToken: string; username: string; client: ClientName }, flow = 'REFRESH_TOKEN_AUTH'): Promise<Answer> {
    return this.call('InitiateAuth', {
      AuthFlow: flow,
      ClientId: this.clients[session.client].id,
      AuthParameters: { REFRESH_TOKEN: session.RefreshToken, ...this.#hash(session.client, session.username) },
    });
  }

  getUser(accessToken: string): Promise<Answer> {
    return this.call('GetUser', { AccessToken: accessToken });
  }

  /** RevokeToken of the session's refresh token on its own client, the right secret included, `extra` on top. */
  revoke(session: { RefreshToken: string; client: ClientName }, extra: Record<string, unknown> = {}): Promise<Answer> {
    const { id, secret } = this.clients[session.client];
    return this.call('RevokeToken', { Token: session.RefreshToken, ClientId: id, ...(secret === undefined ? {} : { ClientSecret: secret }), ...extra });
  }
}

/** What a script reports: the status and error of an answer, its message where that is the point. */
const outcome = (answer: Answer) => (answer.status < 300 ? 'ok' : `${answer.status} ${String(answer.body['__type'])}`);
const said = (answer: Answer) => `${outcome(answer)}: ${String(answer.body['message'] ?? '')}`;
const quotes = (answer: Answer, value: string) => JSON.stringify(answer.body).includes(value) || Object.values(answer.headers).some((v) => v.includes(value));

const DEMOS: Readonly<Record<string, (w: DemoWorld) => Promise<unknown>>> = {
  'revoke-ends-other-users-session-of-the-same-number': async (w) => {
    const [alice, bob] = [await w.signIn('alice'), await w.signIn('bob')];
    await w.revoke(alice);
    return outcome(await w.getUser(bob.AccessToken));
  },
  'revoke-ends-the-same-numbered-session-on-other-clients': async (w) => {
    const [first, other] = [await w.signIn('alice'), await w.signIn('alice', 'confidential')];
    await w.revoke(first);
    return outcome(await w.getUser(other.AccessToken));
  },
  'linked-revokes-every-session-of-the-user': async (w) => {
    const [first, second] = [await w.signIn('alice'), await w.signIn('alice')];
    await w.revoke(first, { RevokeAssociatedSessions: 'LINKED' });
    return outcome(await w.getUser(second.AccessToken));
  },
  'none-read-as-linked': async (w) => {
    const [first, second] = [await w.signIn('alice'), await w.signIn('alice')];
    await w.revoke(first, { RevokeAssociatedSessions: 'NONE' });
    return outcome(await w.getUser(second.AccessToken));
  },
  'wrong-client-refusal-still-revokes': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke({ ...session, client: 'confidential' });
    return outcome(await w.getUser(session.AccessToken));
  },
  'wrong-secret-refusal-still-revokes': async (w) => {
    const session = await w.signIn('alice', 'confidential');
    await w.revoke(session, { ClientSecret: 'x'.repeat(40) });
    return outcome(await w.getUser(session.AccessToken));
  },
  'revocation-off-refusal-still-revokes': async (w) => {
    const session = await w.signIn('alice', 'revocationOff');
    await w.revoke(session);
    return outcome(await w.refresh(session));
  },
  'access-token-refusal-ends-its-session': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session, { Token: session.AccessToken });
    return outcome(await w.getUser(session.AccessToken));
  },
  'unknown-client-revokes-and-answers-200': async (w) => {
    const session = await w.signIn('alice');
    return [outcome(await w.revoke(session, { ClientId: 'unknownclient0000000000000' })), outcome(await w.getUser(session.AccessToken))];
  },
  'other-clients-token-revoked-with-200': async (w) => {
    const session = await w.signIn('alice');
    return [outcome(await w.revoke({ ...session, client: 'confidential' })), outcome(await w.getUser(session.AccessToken))];
  },
  'legacy-refresh-flow-skips-revocation': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return outcome(await w.refresh(session, 'REFRESH_TOKEN'));
  },
  'revocation-forgotten-after-its-first-refusal': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return [outcome(await w.refresh(session)), outcome(await w.refresh(session))];
  },
  'get-tokens-from-refresh-token-ignores-revocation': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return outcome(await w.call('GetTokensFromRefreshToken', { RefreshToken: session.RefreshToken, ClientId: w.clients.public.id }));
  },
  'refreshed-access-tokens-outlive-revocation': async (w) => {
    const session = await w.signIn('alice');
    const refreshed = (await w.refresh(session)).body['AuthenticationResult'] as Tokens;
    await w.revoke(session);
    return outcome(await w.getUser(refreshed.AccessToken));
  },
  'sign-in-access-token-outlives-revocation': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return outcome(await w.getUser(session.AccessToken));
  },
  'second-revoke-revives-the-session': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    await w.revoke(session);
    return outcome(await w.getUser(session.AccessToken));
  },
  'sign-in-revives-the-users-revoked-sessions': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    await w.signIn('alice');
    return outcome(await w.refresh(session));
  },
  'get-user-accepts-an-id-token': async (w) => outcome(await w.getUser((await w.signIn('alice')).IdToken)),
  'refresh-ends-the-earlier-access-tokens': async (w) => {
    const session = await w.signIn('alice');
    await w.refresh(session);
    return outcome(await w.getUser(session.AccessToken));
  },
  'revoked-access-token-called-invalid': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return said(await w.getUser(session.AccessToken));
  },
  'unknown-refresh-token-called-revoked': async (w) => {
    const session = await w.signIn('alice');
    return said(await w.refresh({ ...session, RefreshToken: randomBytes(64).toString('base64url') }));
  },
  'revoke-associated-sessions-refused-as-unknown': async (w) => outcome(await w.revoke(await w.signIn('alice'), { RevokeAssociatedSessions: 'NONE' })),
  'second-revoke-not-authorized': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return outcome(await w.revoke(session));
  },
  'second-revoke-unauthorized': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return outcome(await w.revoke(session));
  },
  'refresh-answers-with-a-refresh-token': async (w) =>
    Object.keys((await w.refresh(await w.signIn('alice'))).body['AuthenticationResult'] as Record<string, unknown>).includes('RefreshToken'),
  // On a client that rotates, the answer carries a new refresh token; the fault never gives one.
  'get-tokens-from-refresh-token-never-rotates': async (w) => {
    const answer = await w.call('GetTokensFromRefreshToken', {
      RefreshToken: (await w.signIn('alice', 'rotating')).RefreshToken,
      ClientId: w.clients.rotating.id,
    });
    return typeof (answer.body['AuthenticationResult'] as Record<string, unknown> | undefined)?.['RefreshToken'];
  },
  'get-tokens-from-refresh-token-rotates-with-rotation-off': async (w) => {
    const answer = await w.call('GetTokensFromRefreshToken', { RefreshToken: (await w.signIn('alice')).RefreshToken, ClientId: w.clients.public.id });
    return typeof (answer.body['AuthenticationResult'] as Record<string, unknown> | undefined)?.['RefreshToken'];
  },
  'revocation-off-by-default': async (w) => outcome(await w.revoke(await w.signIn('alice', 'defaults'))),
  'refresh-refusal-quotes-the-refresh-token': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return quotes(await w.refresh(session), session.RefreshToken);
  },
  'get-user-refusal-quotes-the-access-token': async (w) => {
    const forged = `${(await w.signIn('alice')).AccessToken}x`;
    return quotes(await w.getUser(forged), forged);
  },
  'initiate-auth-refusal-quotes-the-secret-hash': async (w) => {
    const hash = randomBytes(32).toString('base64');
    const answer = await w.call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: w.clients.confidential.id,
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'Demo-Pass-1!', SECRET_HASH: hash },
    });
    return quotes(answer, hash);
  },
  'revoke-success-echoes-the-token-in-a-header': async (w) => {
    const session = await w.signIn('alice');
    return quotes(await w.revoke(session), session.RefreshToken);
  },
  'get-user-refusals-as-500': async (w) => outcome(await w.getUser('not.a.token')),
  'initiate-auth-refusals-as-500': async (w) => {
    const session = await w.signIn('alice');
    await w.revoke(session);
    return outcome(await w.refresh(session));
  },
  'request-id-repeated': async (w) => {
    const ids = [await w.getUser('not.a.token'), await w.getUser('not.a.token')].map((a) => a.headers['x-amzn-requestid']);
    return ids[0] === ids[1];
  },
  'request-id-only-on-revoke-token': async (w) => 'x-amzn-requestid' in (await w.getUser('not.a.token')).headers,
  'secret-compared-after-trimming': async (w) => {
    const session = await w.signIn('alice', 'confidential');
    return outcome(await w.revoke(session, { ClientSecret: ` ${w.clients.confidential.secret}\n` }));
  },
  'secret-compared-as-a-prefix': async (w) => {
    const session = await w.signIn('alice', 'confidential');
    return outcome(await w.revoke(session, { ClientSecret: `${w.clients.confidential.secret}x` }));
  },
  'secret-compared-on-its-first-32-characters': async (w) => {
    const session = await w.signIn('alice', 'confidential');
    return outcome(await w.revoke(session, { ClientSecret: `${w.clients.confidential.secret?.slice(0, -1)}A` }));
  },
  'secret-of-another-length-crashes': async (w) => {
    const session = await w.signIn('alice', 'confidential');
    return outcome(await w.revoke(session, { ClientSecret: w.clients.confidential.secret?.slice(0, 40) }));
  },
  'null-client-secret-refused-on-a-public-client': async (w) => outcome(await w.revoke(await w.signIn('alice'), { ClientSecret: null })),
  'null-token-answered-200': async (w) => outcome(await w.revoke(await w.signIn('alice'), { Token: null })),
};

describe('every fault of the catalogue can be told from the reference server', () => {
  it('has a script for every fault', () => {
    expect(Object.keys(DEMOS).sort()).toEqual(Object.keys(CATALOGUE_FAULTS).sort());
  });

  it.each(Object.keys(CATALOGUE_FAULTS))('%s', async (id) => {
    const demo = DEMOS[id]!;
    const reference = await demo(await new DemoWorld(createReferenceService().handle).setUp());
    const service = createReferenceService();
    const faulty = await demo(await new DemoWorld(CATALOGUE_FAULTS[id]!(service)).setUp());
    expect(faulty, `the fault makes no difference: the reference answers ${JSON.stringify(reference)} too`).not.toEqual(reference);
  });
});
