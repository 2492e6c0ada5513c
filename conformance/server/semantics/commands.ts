import { randomBytes } from 'node:crypto';
import type fc from 'fast-check';
import { ruleById, type ServerRuleId } from '../../rules/registry.ts';
import { describeAnswer, resolveErrorType } from '../checks/error-type.ts';
import type { ExpectedOutcome } from '../checks/server-check.ts';
import { sendRevoke } from '../probes/revoke-probe.ts';
import { getUser, refreshedAccessToken, refreshSession } from '../provision/sessions.ts';
import type { ClientRole, ProvisionedClient } from '../provision/world.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import type { Exchange } from '../wire/exchange.ts';
import { MAX_SESSIONS, type SemanticsModel, type SemanticsReal, type SessionModel } from './model.ts';
import { agreesWith, describeExpectation, type UnverifiedExpectation } from './unverified.ts';

/** @internal */
export type SemanticsCommand = fc.AsyncCommand<SemanticsModel, SemanticsReal>;

/** How a RevokeToken call presents the client secret. @internal */
export type SecretMode = 'right' | 'wrong' | 'missing';

const accepted = (exchange: Exchange) => exchange.response !== undefined && exchange.response.status >= 200 && exchange.response.status < 300;
const refusedWith = (exchange: Exchange, error: string) =>
  exchange.response !== undefined && exchange.response.status >= 400 && resolveErrorType(exchange.response)?.name === error;

function forget(session: SessionModel): void {
  session.refresh = 'unknown';
  session.access = 'unknown';
}

/**
 * A secret that fits the model (24 to 64 word characters) and is not the client's: one
 * character off where the real one fits the model too, so a comparison that stops early is
 * caught; a random one otherwise.
 */
function wrongSecret(secret: string): string {
  if (/^[\w+]{24,64}$/.test(secret)) return `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
  return randomBytes(30).toString('hex').slice(0, 40);
}

function secretMember(client: ProvisionedClient, mode: SecretMode): { ClientSecret?: string } {
  if (client.clientSecret === undefined || mode === 'missing') return {};
  return { ClientSecret: mode === 'right' ? client.clientSecret : wrongSecret(client.clientSecret) };
}

/** Sends a RevokeToken, judges it as the expectation says, and returns the exchange. */
async function revoke(real: SemanticsReal, label: string, input: Record<string, string>, expected: ExpectedOutcome): Promise<Exchange> {
  const request = awsJsonRequest(real.context.wire.endpoint, 'RevokeToken', input);
  await sendRevoke(real.context, real.recorder, label, request, expected, Object.values(input));
  return real.recorder.steps.at(-1)!.observation.exchange;
}

/** Records what happened in an unverified case next to what the run was configured to expect. */
function noteUnverified(real: SemanticsReal, rule: ServerRuleId, configured: UnverifiedExpectation, exchange: Exchange): void {
  const response = exchange.response;
  if (!response) return;
  const agrees = agreesWith(configured, response.status, resolveErrorType(response)?.name);
  real.recorder.note(rule, ruleById(rule).title, describeExpectation(configured), describeAnswer(response), agrees);
}

/** A command about one of the sessions signed in so far, picked by index modulo their number. */
abstract class OnSession implements SemanticsCommand {
  #resolved: number | undefined;

  constructor(readonly index: number) {}

  protected pick(model: Readonly<SemanticsModel>): number {
    return this.index % model.sessions.length;
  }

  check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length > 0;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    this.#resolved = this.pick(model);
    await this.runOn(model.sessions[this.#resolved]!, real.sessions[this.#resolved]!, real);
  }

  protected abstract runOn(session: SessionModel, tokens: SemanticsReal['sessions'][number], real: SemanticsReal): Promise<void>;

  /** `#2` once it ran (the session's position), the raw index before. */
  protected get ref(): string {
    return this.#resolved === undefined ? `session[${this.index}]` : `#${this.#resolved}`;
  }
}

/** USER_PASSWORD_AUTH: a new session, on one of the three clients. @internal */
export class SignIn implements SemanticsCommand {
  constructor(readonly role: ClientRole) {}

  check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length < MAX_SESSIONS;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    const tokens = await real.context.freshSession(this.role);
    model.sessions.push({ role: this.role, refresh: 'live', access: 'live', accessTokens: 1 });
    real.sessions.push({ tokens, accessTokens: [tokens.accessToken] });
  }

  toString(): string {
    return `signIn(${this.role})`;
  }
}

/** REFRESH_TOKEN_AUTH with the session's refresh token: refused once revoked (R2). @internal */
export class Refresh extends OnSession {
  protected async runOn(session: SessionModel, tokens: SemanticsReal['sessions'][number], real: SemanticsReal): Promise<void> {
    const result = await refreshSession(real.context.api, real.world, session.role, tokens.tokens.refreshToken, real.context.sensitive);
    const expected: ExpectedOutcome =
      session.refresh === 'revoked'
        ? {
            kind: 'error',
            rule: 'R2',
            level: 'must',
            error: 'NotAuthorizedException',
            message: { rule: 'R2', pattern: /refresh token has been revoked/i, text: '"Refresh Token has been revoked"' },
          }
        : session.refresh === 'live'
          ? { kind: 'accepted', rule: 'R4', level: 'must' }
          : { kind: 'observe' };
    real.recorder.judge(this.toString(), 'InitiateAuth', result.exchange, expected);
    const minted = refreshedAccessToken(result);
    if ((session.refresh === 'live' && minted === undefined) || (session.refresh === 'revoked' && !refusedWith(result.exchange, 'NotAuthorizedException')))
      session.refresh = 'unknown';
    if (minted !== undefined) {
      tokens.accessTokens.push(minted);
      session.accessTokens += 1;
      // A token minted from a refresh token that should have been dead has no documented fate.
      if (session.refresh !== 'live') session.access = 'unknown';
    }
  }

  toString(): string {
    return `refresh(${this.ref})`;
  }
}

/** GetUser with one of the session's access tokens: refused once the session is revoked (R3), working otherwise (R4). @internal */
export class GetUser extends OnSession {
  constructor(
    index: number,
    readonly token: number,
  ) {
    super(index);
  }

  #which = '';

  protected async runOn(session: SessionModel, tokens: SemanticsReal['sessions'][number], real: SemanticsReal): Promise<void> {
    const position = this.token % tokens.accessTokens.length;
    this.#which = position === 0 ? 'sign-in access token' : `access token of refresh ${position}`;
    const result = await getUser(real.context.api, tokens.accessTokens[position]!);
    const expected: ExpectedOutcome =
      session.access === 'revoked'
        ? {
            kind: 'error',
            rule: 'R3',
            level: 'must',
            error: 'NotAuthorizedException',
            message: { rule: 'R3', pattern: /access token has been revoked/i, text: '"Access Token has been revoked"' },
          }
        : session.access === 'live'
          ? { kind: 'accepted', rule: 'R4', level: 'must' }
          : { kind: 'observe' };
    real.recorder.judge(this.toString(), 'GetUser', result.exchange, expected);
    if ((session.access === 'live' && !result.ok) || (session.access === 'revoked' && !refusedWith(result.exchange, 'NotAuthorizedException')))
      session.access = 'unknown';
  }

  toString(): string {
    return `getUser(${this.ref}${this.#which ? `, ${this.#which}` : `, token ${this.token}`})`;
  }
}

/**
 * RevokeToken with the session's refresh token on its own client, the secret right, wrong or
 * missing: revoked (R1); refused on a client with revocation off (R6) or with a bad secret
 * (R7); a second revoke is unverified (U1).
 * @internal
 */
export class Revoke extends OnSession {
  constructor(
    index: number,
    readonly secret: SecretMode,
  ) {
    super(index);
  }

  protected async runOn(session: SessionModel, tokens: SemanticsReal['sessions'][number], real: SemanticsReal): Promise<void> {
    const client = real.world.clients[session.role];
    const input = { Token: tokens.tokens.refreshToken, ClientId: client.clientId, ...secretMember(client, this.secret) };
    const badSecret = client.clientSecret !== undefined && this.secret !== 'right';
    if (!client.revocation) {
      const exchange = await revoke(real, this.toString(), input, { kind: 'error', rule: 'R6', level: 'must', error: 'UnsupportedOperationException' });
      if (!refusedWith(exchange, 'UnsupportedOperationException')) forget(session);
    } else if (badSecret) {
      const exchange = await revoke(real, this.toString(), input, { kind: 'error', rule: 'R7', level: 'must', error: 'UnauthorizedException' });
      if (!refusedWith(exchange, 'UnauthorizedException')) forget(session);
    } else if (session.refresh === 'revoked') {
      const exchange = await revoke(real, this.toString(), input, { kind: 'observe' });
      noteUnverified(real, 'U1', real.context.unverified.alreadyRevokedToken, exchange);
    } else if (session.refresh === 'unknown') {
      await revoke(real, this.toString(), input, { kind: 'observe' });
    } else {
      const exchange = await revoke(real, this.toString(), input, { kind: 'accepted', rule: 'R1', level: 'must' });
      if (accepted(exchange)) {
        session.refresh = 'revoked';
        if (session.access === 'live') session.access = 'revoked';
      } else {
        forget(session);
      }
    }
  }

  toString(): string {
    return `revoke(${this.ref}${this.secret === 'right' ? '' : `, ${this.secret} secret`})`;
  }
}

/** RevokeToken with one of the session's access tokens, or its ID token: UnsupportedTokenTypeException (R5). @internal */
export class RevokeWithWrongTokenType extends OnSession {
  constructor(
    index: number,
    readonly use: 'access' | 'id',
    readonly token: number,
  ) {
    super(index);
  }

  // Which check a server makes first on a client with revocation off is undocumented.
  override check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length > 0 && model.sessions[this.pick(model)]!.role !== 'revocationOff';
  }

  protected async runOn(session: SessionModel, tokens: SemanticsReal['sessions'][number], real: SemanticsReal): Promise<void> {
    const client = real.world.clients[session.role];
    const token = this.use === 'id' ? tokens.tokens.idToken : tokens.accessTokens[this.token % tokens.accessTokens.length]!;
    const input = { Token: token, ClientId: client.clientId, ...secretMember(client, 'right') };
    const exchange = await revoke(real, this.toString(), input, { kind: 'error', rule: 'R5', level: 'must', error: 'UnsupportedTokenTypeException' });
    if (!refusedWith(exchange, 'UnsupportedTokenTypeException')) forget(session);
  }

  toString(): string {
    return `revokeWith${this.use === 'id' ? 'IdToken' : 'AccessToken'}(${this.ref})`;
  }
}

/** RevokeToken with a live refresh token, on another client of the pool (U3, unverified). @internal */
export class RevokeOnOtherClient extends OnSession {
  constructor(
    index: number,
    readonly other: ClientRole,
  ) {
    super(index);
  }

  override check(model: Readonly<SemanticsModel>): boolean {
    if (model.sessions.length === 0 || this.other === 'revocationOff') return false;
    const session = model.sessions[this.pick(model)]!;
    return session.role !== this.other && session.refresh === 'live';
  }

  protected async runOn(session: SessionModel, tokens: SemanticsReal['sessions'][number], real: SemanticsReal): Promise<void> {
    const client = real.world.clients[this.other];
    const input = { Token: tokens.tokens.refreshToken, ClientId: client.clientId, ...secretMember(client, 'right') };
    const exchange = await revoke(real, this.toString(), input, { kind: 'observe' });
    noteUnverified(real, 'U3', real.context.unverified.otherClientsToken, exchange);
    // Whether a server that said yes revoked anything is not documented either.
    if (accepted(exchange)) forget(session);
  }

  toString(): string {
    return `revokeOnOtherClient(${this.ref}, ${this.other})`;
  }
}

/** RevokeToken with a well-formed token the server never issued (U2, unverified). @internal */
export class RevokeUnknownToken implements SemanticsCommand {
  constructor(readonly token: string) {}

  check(): boolean {
    return true;
  }

  async run(_model: SemanticsModel, real: SemanticsReal): Promise<void> {
    const input = { Token: this.token, ClientId: real.world.clients.public.clientId };
    const exchange = await revoke(real, this.toString(), input, { kind: 'observe' });
    noteUnverified(real, 'U2', real.context.unverified.unknownToken, exchange);
  }

  toString(): string {
    return `revokeUnknownToken(${this.token.length} characters)`;
  }
}
