import { randomBytes } from 'node:crypto';
import type fc from 'fast-check';
import { secretHash } from '../../protocol/secret-hash.ts';
import { ruleById, type ServerRuleId } from '../../rules/registry.ts';
import { describeAnswer, resolveErrorType } from '../checks/error-type.ts';
import type { ExpectedOutcome, OutcomeRuleId } from '../checks/server-check.ts';
import { sendRevoke } from '../probes/revoke-probe.ts';
import type { CallResult } from '../provision/aws-json-client.ts';
import {
  getTokensFromRefreshToken,
  getUser,
  type RefreshFlow,
  refreshedAccessToken,
  refreshedRefreshToken,
  refreshSession,
  type SignInFlow,
  sessionTokensOf,
  signInCall,
  signInInput,
  signInStep,
} from '../provision/sessions.ts';
import type { ClientRole, ProvisionedClient } from '../provision/world.ts';
import type { Exchange } from '../wire/exchange.ts';
import { MAX_SESSIONS, type SemanticsModel, type SemanticsReal, type SessionModel, type SessionReal } from './model.ts';
import { caseFlipped, neverIssuedRefreshToken, oneCharacterOff, withAlteredSignature } from './near-miss-values.ts';
import { type RequestForm, revokeRequestIn } from './request-forms.ts';
import { agreesWith, describeExpectation, type UnverifiedExpectation } from './unverified.ts';

/** @internal */
export type SemanticsCommand = fc.AsyncCommand<SemanticsModel, SemanticsReal>;

/** How a RevokeToken call presents the client secret. @internal */
export type SecretMode = 'right' | 'wrong' | 'missing';

/** RevokeToken's RevokeAssociatedSessions: NONE, LINKED, or left out. @internal */
export type AssociatedSessions = 'NONE' | 'LINKED' | undefined;

const accepted = (exchange: Exchange) => exchange.response !== undefined && exchange.response.status >= 200 && exchange.response.status < 300;
const refusedWith = (exchange: Exchange, error: string) =>
  exchange.response !== undefined && exchange.response.status >= 400 && resolveErrorType(exchange.response)?.name === error;
const refused = (exchange: Exchange) => exchange.response !== undefined && exchange.response.status >= 400 && exchange.response.status < 500;

// A rotated-out token of a client with a grace period is judged only well inside or well past
// it, so a slow server or a slow run never turns timing into a verdict.
const TIMING_MARGIN_MS = 10_000;

function forget(session: SessionModel): void {
  session.refresh = 'unknown';
  session.access = 'unknown';
}

const rotates = (client: ProvisionedClient) => client.rotationGraceSeconds !== undefined;

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

/** Sends a RevokeToken, written in `form`, judges it as the expectation says, and returns the exchange. */
async function revoke(
  real: SemanticsReal,
  label: string,
  input: Record<string, string>,
  expected: ExpectedOutcome,
  form: RequestForm = 'plain',
): Promise<Exchange> {
  const request = await revokeRequestIn(form, real.context.wire.endpoint, real.context.region, input);
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

const currentRefreshToken = (tokens: SessionReal) => tokens.refreshTokens.at(-1)!;

/** What a call on a side of the session should come to: the live rule's acceptance, the revoked rule's refusal, or nothing where unknown. */
function expectation(knowledge: SessionModel['access'], live: OutcomeRuleId, revoked: ExpectedOutcome): ExpectedOutcome {
  if (knowledge === 'live') return { kind: 'accepted', rule: live, level: 'must' };
  if (knowledge === 'revoked') return revoked;
  return { kind: 'observe' };
}

const ACCESS_REVOKED = (rule: OutcomeRuleId): ExpectedOutcome => ({
  kind: 'error',
  rule,
  level: 'must',
  error: 'NotAuthorizedException',
  message: { rule, pattern: /access token has been revoked/i, text: '"Access Token has been revoked"' },
});

/** GetUser with one access token of the session, judged against the model under the given rules. */
async function checkAccess(
  real: SemanticsReal,
  label: string,
  session: SessionModel,
  tokens: SessionReal,
  position: number,
  rules: [OutcomeRuleId, OutcomeRuleId],
) {
  const result = await getUser(real.context.api, tokens.accessTokens[position]!);
  const expected = expectation(session.access, rules[0], ACCESS_REVOKED(rules[1]));
  const others = real.world.users.filter((_, n) => n !== session.user).map((user) => user.username);
  real.recorder.judge(label, 'GetUser', result.exchange, expected.kind === 'accepted' ? { ...expected, notUsers: others } : expected);
  if ((session.access === 'live' && !result.ok) || (session.access === 'revoked' && !refusedWith(result.exchange, 'NotAuthorizedException')))
    session.access = 'unknown';
}

/** Keeps what a successful refresh minted: its access token, and a rotated refresh token. */
function keepMinted(result: CallResult, session: SessionModel, tokens: SessionReal, rotated: boolean): void {
  const minted = refreshedAccessToken(result);
  if (minted !== undefined) {
    tokens.accessTokens.push(minted);
    session.accessTokens += 1;
    // A token minted from a refresh token that should have been dead has no documented fate.
    if (session.refresh !== 'live') session.access = 'unknown';
  }
  const next = refreshedRefreshToken(result);
  if (rotated && next !== undefined && session.refresh === 'live') {
    tokens.refreshTokens.push(next);
    session.refreshTokens += 1;
    session.retiredAt = performance.now();
  } else if (rotated && result.ok) {
    // Rotation should have handed out a new token; which of the two still counts is unknown.
    session.refresh = 'unknown';
  }
}

/**
 * Refreshes the session the way its client allows: GetTokensFromRefreshToken where refresh
 * tokens rotate (REFRESH_TOKEN_AUTH no longer authenticates there), InitiateAuth's refresh
 * flow otherwise. `rules`: the rule of a live session's success, then of a revoked one's refusal.
 */
async function refreshProperly(real: SemanticsReal, label: string, session: SessionModel, tokens: SessionReal, rules: [OutcomeRuleId, OutcomeRuleId]) {
  const client = real.world.clients[session.role];
  const token = currentRefreshToken(tokens);
  if (rotates(client)) {
    const result = await getTokensFromRefreshToken(real.context.api, real.world, session.role, token, real.context.sensitive);
    const expected: ExpectedOutcome =
      session.refresh === 'live'
        ? { kind: 'accepted', rule: rules[0], level: 'must', refreshToken: true }
        : session.refresh === 'revoked'
          ? { kind: 'refused', rule: rules[1], level: 'must' }
          : { kind: 'observe' };
    real.recorder.judge(label, 'GetTokensFromRefreshToken', result.exchange, expected);
    if ((session.refresh === 'live' && !result.ok) || (session.refresh === 'revoked' && !refused(result.exchange))) session.refresh = 'unknown';
    keepMinted(result, session, tokens, true);
    return;
  }
  const result = await refreshSession(real.context.api, real.world, session.role, token, real.context.sensitive, { user: session.user });
  const expected: ExpectedOutcome =
    session.refresh === 'live'
      ? { kind: 'accepted', rule: rules[0], level: 'must', refreshToken: false }
      : session.refresh === 'revoked'
        ? {
            kind: 'error',
            rule: rules[1],
            level: 'must',
            error: 'NotAuthorizedException',
            message: { rule: rules[1], pattern: /refresh token has been revoked/i, text: '"Refresh Token has been revoked"' },
          }
        : { kind: 'observe' };
  real.recorder.judge(label, 'InitiateAuth', result.exchange, expected);
  if ((session.refresh === 'live' && !result.ok) || (session.refresh === 'revoked' && !refusedWith(result.exchange, 'NotAuthorizedException')))
    session.refresh = 'unknown';
  keepMinted(result, session, tokens, false);
}

/**
 * R8: after a request that should have changed nothing (a refusal, or a revoke by the wrong
 * client), the session it touched still works on both sides: its newest access token and its
 * refresh token.
 * @internal
 */
export async function recheck(real: SemanticsReal, label: string, session: SessionModel, tokens: SessionReal): Promise<void> {
  if (session.access === 'live') await checkAccess(real, `${label}, then getUser`, session, tokens, tokens.accessTokens.length - 1, ['R8', 'R8']);
  if (session.refresh === 'live') await refreshProperly(real, `${label}, then refresh`, session, tokens, ['R8', 'R8']);
}

/**
 * R9: the sweep at the end of a sequence. Every session is looked at again, the revoked ones
 * too: its first and newest access token, and its current refresh token.
 * @internal
 */
export async function sweep(model: SemanticsModel, real: SemanticsReal): Promise<void> {
  for (const [n, session] of model.sessions.entries()) {
    const tokens = real.sessions[n]!;
    const positions = [...new Set([0, tokens.accessTokens.length - 1])];
    for (const position of positions) await checkAccess(real, `sweep: getUser(#${n}, access token ${position})`, session, tokens, position, ['R9', 'R9']);
    await refreshProperly(real, `sweep: refresh(#${n})`, session, tokens, ['R9', 'R9']);
  }
}

/** The sweep as a command, for scripted scenarios (the model run sweeps after its sequence). @internal */
export class Sweep implements SemanticsCommand {
  check(): boolean {
    return true;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    await sweep(model, real);
  }

  toString(): string {
    return 'sweep';
  }
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
    await this.runOn(model.sessions[this.#resolved]!, real.sessions[this.#resolved]!, real, model);
  }

  protected abstract runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal, model: SemanticsModel): Promise<void>;

  /** `#2` once it ran (the session's position), the raw index before. */
  protected get ref(): string {
    return this.#resolved === undefined ? `session[${this.index}]` : `#${this.#resolved}`;
  }
}

/** A password sign-in (USER_PASSWORD_AUTH, or AdminInitiateAuth's ADMIN_USER_PASSWORD_AUTH or ADMIN_NO_SRP_AUTH): a new session, on one of the clients that allow it, as one of the users. @internal */
export class SignIn implements SemanticsCommand {
  constructor(
    readonly role: ClientRole,
    readonly user = 0,
    readonly flow: SignInFlow = 'USER_PASSWORD_AUTH',
  ) {}

  check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length < MAX_SESSIONS;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    const result = await signInCall(real.context.api, real.world, this.role, this.user, this.flow);
    const tokens = sessionTokensOf(result, signInStep(this.role, this.user, this.flow), real.context.sensitive);
    // Sign-ins right after a global sign-out have been refused as revoked (aws-amplify/amplify-js#9838,
    // aws/aws-sdk-js#4323): what such a session does within the sequence is not judged.
    const state = model.signedOutUsers.has(this.user) ? 'unknown' : 'live';
    model.sessions.push({
      role: this.role,
      user: this.user,
      refresh: state,
      access: state,
      accessTokens: 1,
      refreshTokens: 1,
      retiredAt: undefined,
      signedOut: false,
    });
    real.sessions.push({ tokens, accessTokens: [tokens.accessToken], refreshTokens: [tokens.refreshToken] });
  }

  toString(): string {
    const flow = this.flow === 'USER_PASSWORD_AUTH' ? '' : this.flow === 'ADMIN_USER_PASSWORD_AUTH' ? 'admin' : `admin ${this.flow}`;
    const parts = [this.role, this.user === 0 ? '' : `user ${this.user + 1}`, flow].filter(Boolean);
    return `signIn(${parts.join(', ')})`;
  }
}

/**
 * InitiateAuth's refresh flow, by its current name or its legacy one: refused once revoked (R2),
 * working otherwise (R4) and never with a new refresh token (R11); refused on a client whose
 * refresh tokens rotate (R11), which leaves the session working (R8).
 * @internal
 */
export class Refresh extends OnSession {
  constructor(
    index: number,
    readonly flow: RefreshFlow = 'REFRESH_TOKEN_AUTH',
  ) {
    super(index);
  }

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const client = real.world.clients[session.role];
    const result = await refreshSession(real.context.api, real.world, session.role, currentRefreshToken(tokens), real.context.sensitive, {
      user: session.user,
      flow: this.flow,
    });
    if (rotates(client)) {
      const expected: ExpectedOutcome = session.refresh === 'live' ? { kind: 'refused', rule: 'R11', level: 'must' } : { kind: 'observe' };
      real.recorder.judge(this.toString(), 'InitiateAuth', result.exchange, expected);
      if (result.ok) session.refresh = 'unknown';
      else await recheck(real, this.toString(), session, tokens);
      return;
    }
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
          ? { kind: 'accepted', rule: 'R4', level: 'must', refreshToken: false }
          : { kind: 'observe' };
    real.recorder.judge(this.toString(), 'InitiateAuth', result.exchange, expected);
    if ((session.refresh === 'live' && !result.ok) || (session.refresh === 'revoked' && !refusedWith(result.exchange, 'NotAuthorizedException')))
      session.refresh = 'unknown';
    keepMinted(result, session, tokens, false);
  }

  toString(): string {
    return `refresh(${this.ref}${this.flow === 'REFRESH_TOKEN_AUTH' ? '' : `, ${this.flow}`})`;
  }
}

/**
 * GetTokensFromRefreshToken with the session's current refresh token: new tokens, with a new
 * refresh token exactly where rotation is on (R11); refused once revoked (R2).
 * @internal
 */
export class GetTokens extends OnSession {
  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const client = real.world.clients[session.role];
    const result = await getTokensFromRefreshToken(real.context.api, real.world, session.role, currentRefreshToken(tokens), real.context.sensitive);
    const expected: ExpectedOutcome =
      session.refresh === 'live'
        ? { kind: 'accepted', rule: 'R11', level: 'must', refreshToken: rotates(client) }
        : session.refresh === 'revoked'
          ? { kind: 'refused', rule: 'R2', level: 'must' }
          : { kind: 'observe' };
    real.recorder.judge(this.toString(), 'GetTokensFromRefreshToken', result.exchange, expected);
    if ((session.refresh === 'live' && !result.ok) || (session.refresh === 'revoked' && !refused(result.exchange))) session.refresh = 'unknown';
    keepMinted(result, session, tokens, rotates(client));
  }

  toString(): string {
    return `getTokensFromRefreshToken(${this.ref})`;
  }
}

/**
 * GetTokensFromRefreshToken with the refresh token that rotation retired: working within the
 * client's grace period, refused after it (R11, API_RefreshTokenRotationType).
 * @internal
 */
export class UseRotatedOutToken extends OnSession {
  override check(model: Readonly<SemanticsModel>): boolean {
    return model.sessions.length > 0 && model.sessions[this.pick(model)]!.refreshTokens > 1;
  }

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const grace = real.world.clients[session.role].rotationGraceSeconds ?? 0;
    const elapsed = session.retiredAt === undefined ? undefined : performance.now() - session.retiredAt;
    const old = tokens.refreshTokens.at(-2)!;
    const result = await getTokensFromRefreshToken(real.context.api, real.world, session.role, old, real.context.sensitive);
    let expected: ExpectedOutcome = { kind: 'observe' };
    if (session.refresh === 'revoked') expected = { kind: 'refused', rule: 'R2', level: 'must' };
    else if (session.refresh === 'live' && elapsed !== undefined) {
      if (grace === 0 || elapsed > grace * 1000 + TIMING_MARGIN_MS) expected = { kind: 'refused', rule: 'R11', level: 'must' };
      else if (elapsed < grace * 1000 - TIMING_MARGIN_MS) expected = { kind: 'accepted', rule: 'R11', level: 'must' };
    }
    real.recorder.judge(this.toString(), 'GetTokensFromRefreshToken', result.exchange, expected);
    const minted = refreshedAccessToken(result);
    if (minted !== undefined) {
      tokens.accessTokens.push(minted);
      session.accessTokens += 1;
      if (session.refresh !== 'live') session.access = 'unknown';
    }
    // Whether a use within the grace period hands out yet another token, and what becomes of
    // the current one then, is not documented: the old token is not judged again.
    const next = refreshedRefreshToken(result);
    if (next !== undefined && session.refresh === 'live') {
      tokens.refreshTokens.push(next);
      session.refreshTokens += 1;
    }
    session.retiredAt = undefined;
  }

  toString(): string {
    return `useRotatedOutToken(${this.ref})`;
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

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const position = this.token % tokens.accessTokens.length;
    this.#which = position === 0 ? 'sign-in access token' : `access token of refresh ${position}`;
    await checkAccess(real, this.toString(), session, tokens, position, ['R4', 'R3']);
  }

  toString(): string {
    return `getUser(${this.ref}${this.#which ? `, ${this.#which}` : `, token ${this.token}`})`;
  }
}

/**
 * RevokeToken with the session's current refresh token on its own client, the secret right,
 * wrong or missing, RevokeAssociatedSessions NONE, LINKED or left out: revoked (R1), and no
 * other session of the user with it (R4, with LINKED R10); refused on a client with revocation off
 * (R6) or with a bad secret (R7), after which the session still works (R8); a second revoke is
 * unverified (U1).
 * @internal
 */
export class Revoke extends OnSession {
  constructor(
    index: number,
    readonly secret: SecretMode,
    readonly associated: AssociatedSessions = undefined,
    readonly form: RequestForm = 'plain',
  ) {
    super(index);
  }

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal, model: SemanticsModel): Promise<void> {
    const client = real.world.clients[session.role];
    const input: Record<string, string> = {
      Token: currentRefreshToken(tokens),
      ClientId: client.clientId,
      ...secretMember(client, this.secret),
      ...(this.associated === undefined ? {} : { RevokeAssociatedSessions: this.associated }),
    };
    const badSecret = client.clientSecret !== undefined && this.secret !== 'right';
    const label = this.toString();
    if (!client.revocation) {
      const exchange = await revoke(real, label, input, { kind: 'error', rule: 'R6', level: 'must', error: 'UnsupportedOperationException' }, this.form);
      if (!refusedWith(exchange, 'UnsupportedOperationException')) forget(session);
      else await recheck(real, label, session, tokens);
    } else if (badSecret) {
      const exchange = await revoke(real, label, input, { kind: 'error', rule: 'R7', level: 'must', error: 'UnauthorizedException' }, this.form);
      if (!refusedWith(exchange, 'UnauthorizedException')) forget(session);
      else await recheck(real, label, session, tokens);
    } else if (session.refresh === 'revoked' && session.signedOut) {
      // A refresh token GlobalSignOut ended, revoked through RevokeToken: nothing documents or observes the answer.
      await revoke(real, label, input, { kind: 'observe' }, this.form);
    } else if (session.refresh === 'revoked') {
      // Observed in 2026 (semantics research section 8): 200 {}, so judged like the documented rules.
      const exchange = await revoke(real, label, input, { kind: 'accepted', rule: 'R13', level: 'must' }, this.form);
      noteUnverified(real, 'U1', real.context.unverified.alreadyRevokedToken, exchange);
    } else if (session.refresh === 'unknown') {
      await revoke(real, label, input, { kind: 'observe' }, this.form);
    } else {
      const exchange = await revoke(real, label, input, { kind: 'accepted', rule: 'R1', level: 'must' }, this.form);
      if (!accepted(exchange)) {
        forget(session);
        return;
      }
      session.refresh = 'revoked';
      if (session.access === 'live') session.access = 'revoked';
      await this.#otherSessionsOfTheUser(session, real, model, label);
    }
  }

  /**
   * The user's other live sessions, on this client and on the others, still work: a revoke ends
   * one session (R4), and LINKED ends a parent SSO session, never another token session (R10,
   * RevokeAssociatedSessions documentation). NONE and leaving the member out are judged alike,
   * so a server that reads any value of the member as LINKED shows here.
   */
  async #otherSessionsOfTheUser(session: SessionModel, real: SemanticsReal, model: SemanticsModel, label: string): Promise<void> {
    const rule = this.associated === 'LINKED' ? 'R10' : 'R4';
    for (const [other, theirs] of model.sessions.entries()) {
      if (theirs === session || theirs.user !== session.user || theirs.access !== 'live') continue;
      const tokens = real.sessions[other]!;
      await checkAccess(real, `${label}, then getUser(#${other})`, theirs, tokens, tokens.accessTokens.length - 1, [rule, rule]);
    }
  }

  toString(): string {
    const parts = [
      this.ref,
      this.secret === 'right' ? '' : `${this.secret} secret`,
      this.associated ?? '',
      this.form === 'plain' ? '' : `as ${this.form}`,
    ].filter(Boolean);
    return `revoke(${parts.join(', ')})`;
  }
}

/** RevokeToken with one of the session's access tokens, or its ID token: UnsupportedTokenTypeException (R5), after which the session works (R8). @internal */
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

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const client = real.world.clients[session.role];
    const token = this.use === 'id' ? tokens.tokens.idToken : tokens.accessTokens[this.token % tokens.accessTokens.length]!;
    const input = { Token: token, ClientId: client.clientId, ...secretMember(client, 'right') };
    const exchange = await revoke(real, this.toString(), input, { kind: 'error', rule: 'R5', level: 'must', error: 'UnsupportedTokenTypeException' });
    if (!refusedWith(exchange, 'UnsupportedTokenTypeException')) forget(session);
    else await recheck(real, this.toString(), session, tokens);
  }

  toString(): string {
    return `revokeWith${this.use === 'id' ? 'IdToken' : 'AccessToken'}(${this.ref})`;
  }
}

/**
 * RevokeToken with a live refresh token, on another client of the pool. The answer is
 * unverified (U3), but the token must not die: "refresh tokens must be revoked using the same
 * client ID that was used to obtain the token" (developer guide), so the session is re-checked (R8).
 * @internal
 */
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

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const client = real.world.clients[this.other];
    const input = { Token: currentRefreshToken(tokens), ClientId: client.clientId, ...secretMember(client, 'right') };
    const exchange = await revoke(real, this.toString(), input, { kind: 'observe' });
    noteUnverified(real, 'U3', real.context.unverified.otherClientsToken, exchange);
    await recheck(real, this.toString(), session, tokens);
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

/** Which token other than a live access token a GetUser call presents. @internal */
export type NotAnAccessToken = 'id' | 'refresh' | 'altered' | 'extra segment';

/**
 * GetUser with a token that is not an access token the pool issued: the session's ID token, its
 * refresh token, or its newest access token with one character of the signature changed or a
 * fourth segment added (a JWS has three; a server that reads only the first three takes it). Each
 * is refused with NotAuthorizedException (R16), and the session still works (R8). A server that
 * only decodes the token (cognito-local) answers the user for all three.
 * @internal
 */
export class GetUserWithOtherToken extends OnSession {
  constructor(
    index: number,
    readonly kind: NotAnAccessToken,
  ) {
    super(index);
  }

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const token =
      this.kind === 'id'
        ? tokens.tokens.idToken
        : this.kind === 'refresh'
          ? currentRefreshToken(tokens)
          : this.kind === 'extra segment'
            ? `${tokens.accessTokens.at(-1)!}.AAAA`
            : withAlteredSignature(tokens.accessTokens.at(-1)!);
    real.context.sensitive.add(token);
    const result = await getUser(real.context.api, token);
    real.recorder.judge(this.toString(), 'GetUser', result.exchange, { kind: 'error', rule: 'R16', level: 'must', error: 'NotAuthorizedException' });
    await recheck(real, this.toString(), session, tokens);
  }

  toString(): string {
    const which = { id: 'IdToken', refresh: 'RefreshToken', altered: 'AlteredSignature', 'extra segment': 'ExtraSegment' }[this.kind];
    return `getUserWith${which}(${this.ref})`;
  }
}

/** How a refresh token the server never issued is made: from nothing, or from the session's live one. @internal */
export type UnknownRefreshToken = 'never issued' | 'one character off' | 'case flipped' | 'one character longer';

/**
 * A refresh with a refresh token the server never issued, made from nothing or from the
 * session's live one (one character off, case flipped, one longer), on the session's client:
 * REFRESH_TOKEN_AUTH there, GetTokensFromRefreshToken where refresh tokens rotate. Refused with
 * NotAuthorizedException, "Invalid Refresh Token." where observed (R17), and the live token it
 * resembles keeps working (R8). A server that matches tokens loosely, or calls every token it
 * cannot find revoked (moto), shows here.
 * @internal
 */
export class RefreshWithUnknownToken extends OnSession {
  constructor(
    index: number,
    readonly kind: UnknownRefreshToken,
  ) {
    super(index);
  }

  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal): Promise<void> {
    const live = currentRefreshToken(tokens);
    const token =
      this.kind === 'never issued'
        ? neverIssuedRefreshToken()
        : this.kind === 'one character off'
          ? oneCharacterOff(live)
          : this.kind === 'case flipped'
            ? caseFlipped(live)
            : `${live}A`;
    real.context.sensitive.add(token);
    const refused: ExpectedOutcome = { kind: 'error', rule: 'R17', level: 'must', error: 'NotAuthorizedException' };
    if (rotates(real.world.clients[session.role])) {
      const result = await getTokensFromRefreshToken(real.context.api, real.world, session.role, token, real.context.sensitive);
      real.recorder.judge(this.toString(), 'GetTokensFromRefreshToken', result.exchange, refused);
    } else {
      const result = await refreshSession(real.context.api, real.world, session.role, token, real.context.sensitive, { user: session.user });
      real.recorder.judge(this.toString(), 'InitiateAuth', result.exchange, {
        ...refused,
        message: { rule: 'R17', pattern: /invalid refresh token/i, text: '"Invalid Refresh Token."' },
      });
    }
    await recheck(real, this.toString(), session, tokens);
  }

  toString(): string {
    return `refreshWithUnknownToken(${this.ref}, ${this.kind})`;
  }
}

/**
 * A password sign-in on the app client with a secret whose SECRET_HASH is wrong (made with the
 * secret one character off) or missing: refused with NotAuthorizedException (R14), and the
 * user's sessions on that client keep working (R8). The refused hash is one more secret the
 * run knows, which no answer may quote (P2).
 * @internal
 */
export class SignInWithBadProof implements SemanticsCommand {
  constructor(
    readonly user: number,
    readonly proof: 'wrong' | 'missing',
    readonly flow: SignInFlow = 'USER_PASSWORD_AUTH',
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SemanticsModel, real: SemanticsReal): Promise<void> {
    const client = real.world.clients.confidential;
    const input = signInInput(real.world, 'confidential', this.user) as { AuthParameters: Record<string, string> };
    const { SECRET_HASH: _right, ...parameters } = input.AuthParameters;
    if (this.proof === 'wrong')
      parameters['SECRET_HASH'] = secretHash(oneCharacterOff(client.clientSecret!), real.world.users[this.user]!.username, client.clientId);
    const admin = this.flow !== 'USER_PASSWORD_AUTH';
    const result = await real.context.api.call(
      admin ? 'AdminInitiateAuth' : 'InitiateAuth',
      { ...input, AuthParameters: parameters, ...(admin ? { AuthFlow: this.flow, UserPoolId: real.world.poolId } : {}) },
      { signed: admin },
    );
    real.recorder.judge(this.toString(), admin ? 'AdminInitiateAuth' : 'InitiateAuth', result.exchange, {
      kind: 'error',
      rule: 'R14',
      level: 'must',
      error: 'NotAuthorizedException',
    });
    // A server that signed the user in all the same handed out tokens of a session nobody models.
    if (result.ok) rememberHandedOut(result, real);
    for (const [n, session] of model.sessions.entries())
      if (session.user === this.user && session.role === 'confidential') await recheck(real, `${this.toString()}, then #${n}`, session, real.sessions[n]!);
  }

  toString(): string {
    return `signInWith${this.proof === 'wrong' ? 'WrongSecretHash' : 'outSecretHash'}(confidential${this.user === 0 ? '' : `, user ${this.user + 1}`}${this.flow === 'USER_PASSWORD_AUTH' ? '' : ', admin'})`;
  }
}

function rememberHandedOut(result: CallResult, real: SemanticsReal): void {
  if (!result.ok) return;
  const tokens = result.output['AuthenticationResult'] as Record<string, unknown> | undefined;
  for (const name of ['AccessToken', 'IdToken', 'RefreshToken']) if (typeof tokens?.[name] === 'string') real.context.sensitive.add(tokens[name] as string);
}

/**
 * GlobalSignOut with the session's newest access token: accepted while the token is live, and
 * then every session of the user, on every client, ends (R18): each is re-checked right away
 * through GetUser, and so are the other users' live sessions, which must keep working. A
 * revoked access token is refused with "Access Token has been revoked" (R18, API_GlobalSignOut).
 * @internal
 */
export class GlobalSignOut extends OnSession {
  protected async runOn(session: SessionModel, tokens: SessionReal, real: SemanticsReal, model: SemanticsModel): Promise<void> {
    const result = await real.context.api.call('GlobalSignOut', { AccessToken: tokens.accessTokens.at(-1)! });
    real.recorder.judge(this.toString(), 'GlobalSignOut', result.exchange, expectation(session.access, 'R18', ACCESS_REVOKED('R18')));
    const users = model.sessions.filter((s) => s.user === session.user);
    if (session.access === 'revoked' && !result.ok) return;
    if (session.access !== 'live' || !result.ok) {
      // Whether the user was signed out is unknown from here on.
      for (const s of users) forget(s);
      model.signedOutUsers.add(session.user);
      return;
    }
    for (const s of users) {
      if (s.refresh === 'live') s.refresh = 'revoked';
      if (s.access === 'live') s.access = 'revoked';
      s.signedOut = true;
    }
    model.signedOutUsers.add(session.user);
    for (const [n, s] of model.sessions.entries()) {
      if (s.access === 'unknown' || (s.user !== session.user && s.access !== 'live')) continue;
      const theirs = real.sessions[n]!;
      await checkAccess(real, `${this.toString()}, then getUser(#${n})`, s, theirs, theirs.accessTokens.length - 1, ['R18', 'R18']);
    }
  }

  toString(): string {
    return `globalSignOut(${this.ref})`;
  }
}
