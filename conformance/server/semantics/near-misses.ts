import { randomBytes } from 'node:crypto';
import { secretHash } from '../../protocol/secret-hash.ts';
import { type CaseContext, CaseRecorder, type FixedServerCase } from '../cases/server-case.ts';
import type { ExpectedOutcome } from '../checks/server-check.ts';
import { sendRevoke } from '../probes/revoke-probe.ts';
import type { ClientRole } from '../provision/world.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import { recheck, type SemanticsCommand, SignIn } from './commands.ts';
import { emptyModel, type SemanticsModel, type SemanticsReal } from './model.ts';
import { caseFlipped, oneCharacterOff } from './near-miss-values.ts';

const ORIGIN = 'conformance/server/semantics/near-misses.ts';

/** A secret-alphabet string of exactly `length` characters that is not the client's. */
function secretOfLength(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'A').slice(0, length);
}

type Member = string | null;

const refusedWith = (error: string, rule: 'R7' | 'R8'): ExpectedOutcome => ({ kind: 'error', rule, level: 'must', error });
const refused: ExpectedOutcome = { kind: 'refused', rule: 'R8', level: 'must' };
const observe: ExpectedOutcome = { kind: 'observe' };
const outsideThePattern: ExpectedOutcome = { kind: 'refused', rule: 'S6', level: 'must' };

/**
 * A RevokeToken built from a live session's request with one member almost right, sent, judged,
 * and followed by a re-check of the session (R8): a server that accepts the near miss as the
 * real thing revokes a token that must live.
 */
class NearMiss implements SemanticsCommand {
  constructor(
    readonly name: string,
    readonly session: number,
    readonly change: (input: { Token: string; ClientId: string; ClientSecret?: string }) => Record<string, Member | undefined>,
    readonly expected: ExpectedOutcome,
  ) {}

  check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length > this.session;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    const session = model.sessions[this.session]!;
    const tokens = real.sessions[this.session]!;
    const client = real.world.clients[session.role];
    const live = { Token: tokens.refreshTokens.at(-1)!, ClientId: client.clientId, ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}) };
    const input = Object.fromEntries(Object.entries(this.change(live)).filter(([, value]) => value !== undefined));
    const request = awsJsonRequest(real.context.wire.endpoint, 'RevokeToken', input);
    const sent = Object.values(input).filter((value): value is string => typeof value === 'string');
    await sendRevoke(real.context, real.recorder, this.toString(), request, this.expected, sent);
    const step = real.recorder.steps.at(-1)!;
    const response = step.observation.exchange.response;
    // Where the outcome is unverified it may be a success or a refusal, never a server error:
    // nothing in a near miss is the server's fault (a comparison that throws on another length).
    if (this.expected.kind === 'observe' && response !== undefined && response.status >= 500)
      real.recorder.judge(`${this.toString()}, a server error`, 'RevokeToken', step.observation.exchange, refused, sent);
    if (this.expected.kind === 'observe' && response !== undefined && response.status < 300 && 'ClientSecret' in input && !client.clientSecret) {
      // A secret sent to a public client and accepted: whether it was ignored (and the token
      // revoked) or the request did nothing is unverified, so the session is not judged again.
      // A near-miss token is different: whatever the answer, the live token must live.
      session.refresh = 'unknown';
      session.access = 'unknown';
      return;
    }
    await recheck(real, this.toString(), session, tokens);
  }

  toString(): string {
    return `${this.name}(#${this.session})`;
  }
}

async function runNearMisses(context: CaseContext, roles: readonly ClientRole[], probes: readonly NearMiss[]): Promise<CaseRecorder> {
  const recorder = new CaseRecorder(context.wire.timeoutMs);
  const model = emptyModel();
  const real: SemanticsReal = { context, world: await context.world(), recorder, sessions: [] };
  for (const role of roles) await new SignIn(role).run(model, real);
  for (const probe of probes) if (probe.check(model)) await probe.run(model, real);
  return recorder;
}

/**
 * Secrets almost right, on a live session of the app client with a secret: case flipped, one
 * character off, one character longer, another length, exactly the shortest and the longest
 * the model allows, white space around it, and JSON null. Each is UnauthorizedException (R7),
 * or a broken constraint (S6) for the white space, and revokes nothing (R8). A comparison that
 * stops early, folds case, trims, or crashes on another length shows here.
 * @internal
 */
export const SECRET_NEAR_MISSES_CASE: FixedServerCase = {
  kind: 'scripted',
  id: 'near-misses-client-secret',
  title:
    'a ClientSecret almost right (case flipped, one character off or longer, another length, 24 or 64 characters, white space around it, null) is refused and revokes nothing',
  level: 'must',
  tags: ['R7', 'R8', 'S4', 'S6', 'near-misses'],
  origin: ORIGIN,
  run: (context) => {
    const secret = (change: (secret: string) => Member) => (live: { Token: string; ClientId: string; ClientSecret?: string }) => ({
      ...live,
      ClientSecret: change(live.ClientSecret!),
    });
    const unauthorized = refusedWith('UnauthorizedException', 'R7');
    return runNearMisses(
      context,
      ['confidential'],
      [
        new NearMiss('secretCaseFlipped', 0, secret(caseFlipped), unauthorized),
        new NearMiss('secretOneCharacterOff', 0, secret(oneCharacterOff), unauthorized),
        new NearMiss(
          'secretOneCharacterLonger',
          0,
          secret((s) => `${s}A`),
          unauthorized,
        ),
        new NearMiss(
          'secretOfAnotherLength',
          0,
          secret((s) => secretOfLength(s.length === 40 ? 41 : 40)),
          unauthorized,
        ),
        new NearMiss(
          'secretOf24Characters',
          0,
          secret(() => secretOfLength(24)),
          unauthorized,
        ),
        new NearMiss(
          'secretOf64Characters',
          0,
          secret(() => secretOfLength(64)),
          unauthorized,
        ),
        // White space is outside ClientSecretType's pattern ([\w+]+): a constraint broken (S6),
        // never the right secret once trimmed.
        new NearMiss(
          'secretWithSpaceAfter',
          0,
          secret((s) => `${s} `),
          outsideThePattern,
        ),
        new NearMiss(
          'secretWithSpaceBefore',
          0,
          secret((s) => ` ${s}`),
          outsideThePattern,
        ),
        new NearMiss(
          'secretWithLineBreakAfter',
          0,
          secret((s) => `${s}\n`),
          outsideThePattern,
        ),
        // awsJson reads a null member as absent (S4): a missing secret.
        new NearMiss(
          'secretNull',
          0,
          secret(() => null),
          unauthorized,
        ),
      ],
    );
  },
};

/**
 * Tokens and client ids almost right, each built from a live session: the refresh token case
 * flipped, one character off, one character longer, with a space after it (a broken pattern,
 * S6), or null; the client id with a space after it (S6); an app client id nobody created
 * (one character off, case flipped, and of the longest length the model allows); a secret sent to the app client
 * that has none. None may revoke the live token (R8); a null Token and an unknown client are the
 * caller's mistake and take a 4xx (R8). What a server answers for a token it does not know is
 * unverified (U2), so only the re-check judges those.
 * @internal
 */
export const TOKEN_NEAR_MISSES_CASE: FixedServerCase = {
  kind: 'scripted',
  id: 'near-misses-token-and-client',
  title: 'a Token or ClientId almost right (case flipped, one character off or longer, a space after it, null, unknown, the longest allowed) revokes nothing',
  level: 'must',
  tags: ['R8', 'R3', 'S4', 'S6', 'near-misses'],
  origin: ORIGIN,
  run: (context) => {
    type Live = { Token: string; ClientId: string; ClientSecret?: string };
    return runNearMisses(
      context,
      ['public', 'public'],
      [
        new NearMiss('tokenCaseFlipped', 0, (live: Live) => ({ ...live, Token: caseFlipped(live.Token) }), observe),
        new NearMiss('tokenOneCharacterOff', 0, (live: Live) => ({ ...live, Token: oneCharacterOff(live.Token) }), observe),
        new NearMiss('tokenOneCharacterLonger', 0, (live: Live) => ({ ...live, Token: `${live.Token}A` }), observe),
        new NearMiss('tokenNull', 0, (live: Live) => ({ ...live, Token: null }), refused),
        new NearMiss('tokenWithSpaceAfter', 0, (live: Live) => ({ ...live, Token: `${live.Token} ` }), outsideThePattern),
        new NearMiss('clientIdWithSpaceAfter', 0, (live: Live) => ({ ...live, ClientId: `${live.ClientId} ` }), outsideThePattern),
        new NearMiss('unknownClientId', 0, (live: Live) => ({ ...live, ClientId: oneCharacterOff(live.ClientId) }), refused),
        new NearMiss('clientIdCaseFlipped', 0, (live: Live) => ({ ...live, ClientId: caseFlipped(live.ClientId) }), refused),
        new NearMiss('clientIdOf128Characters', 0, (live: Live) => ({ ...live, ClientId: 'a'.repeat(128) }), refused),
        new NearMiss('secretForAPublicClient', 1, (live: Live) => ({ ...live, ClientSecret: secretOfLength(40) }), observe),
      ],
    );
  },
};

/**
 * A refresh of a live session on the app client with a secret, with the secret's proof wrong
 * or missing: SECRET_HASH for REFRESH_TOKEN_AUTH, ClientSecret for GetTokensFromRefreshToken.
 * Refused (R14), and the session still works (R8).
 */
class RefreshNearMiss implements SemanticsCommand {
  constructor(
    readonly name: string,
    readonly operation: 'InitiateAuth' | 'GetTokensFromRefreshToken',
    readonly proof: 'wrong' | 'missing',
  ) {}

  check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length > 0;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    const session = model.sessions[0]!;
    const tokens = real.sessions[0]!;
    const client = real.world.clients[session.role];
    const secret = this.proof === 'wrong' ? oneCharacterOff(client.clientSecret!) : undefined;
    const token = tokens.refreshTokens.at(-1)!;
    const input =
      this.operation === 'InitiateAuth'
        ? {
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: client.clientId,
            AuthParameters: {
              REFRESH_TOKEN: token,
              ...(secret === undefined ? {} : { SECRET_HASH: secretHash(secret, real.world.users[session.user]!.username, client.clientId) }),
            },
          }
        : { RefreshToken: token, ClientId: client.clientId, ...(secret === undefined ? {} : { ClientSecret: secret }) };
    const result = await real.context.api.call(this.operation, input);
    real.recorder.judge(this.toString(), this.operation, result.exchange, { kind: 'refused', rule: 'R14', level: 'must' });
    await recheck(real, this.toString(), session, tokens);
  }

  toString(): string {
    return `${this.name}(#0)`;
  }
}

/**
 * Refreshes that almost prove the client: a SECRET_HASH made with a secret one character off,
 * none at all, and the same for GetTokensFromRefreshToken's ClientSecret. A server that skips
 * the proof on refresh lets a stolen refresh token of a confidential client be used without
 * the client's secret.
 * @internal
 */
export const REFRESH_NEAR_MISSES_CASE: FixedServerCase = {
  kind: 'scripted',
  id: 'near-misses-refresh-secret',
  title: 'a refresh on the app client with a secret, with SECRET_HASH or ClientSecret wrong or missing, is refused and the session still works',
  level: 'must',
  tags: ['R14', 'R8', 'near-misses'],
  origin: ORIGIN,
  run: async (context) => {
    const recorder = new CaseRecorder(context.wire.timeoutMs);
    const model = emptyModel();
    const real: SemanticsReal = { context, world: await context.world(), recorder, sessions: [] };
    await new SignIn('confidential').run(model, real);
    for (const probe of [
      new RefreshNearMiss('refreshWithSecretHashOneCharacterOff', 'InitiateAuth', 'wrong'),
      new RefreshNearMiss('refreshWithoutSecretHash', 'InitiateAuth', 'missing'),
      new RefreshNearMiss('getTokensWithSecretOneCharacterOff', 'GetTokensFromRefreshToken', 'wrong'),
      new RefreshNearMiss('getTokensWithoutSecret', 'GetTokensFromRefreshToken', 'missing'),
    ])
      await probe.run(model, real);
    return recorder;
  },
};
