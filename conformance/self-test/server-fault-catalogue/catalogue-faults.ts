// The faults of the server fault catalogue, keyed by the ids of catalogue.json, which holds
// what each one imitates, its source and what should catch it. Each is the reference server
// with one fault, built like conformance/self-test/broken-servers.ts builds its own: a wrapper
// that sees only the wire, here with a ledger of the clients and sessions that went by.
import { randomUUID } from 'node:crypto';
import { secretHash } from '../../protocol/secret-hash.ts';
import type { ReferenceService } from '../../server/reference/index.ts';
import type { OperationName } from '../../server/reference/options.ts';
import { mintRefreshToken } from '../../server/reference/refresh-token.ts';
import type { FetchHandle } from '../../wire/loopback-server.ts';
import { claimsOf, errorTypeOf, outputOf, rewriteBody, withBody } from '../broken-servers.ts';
import {
  getUserAnswer,
  internalRequest,
  isSignIn,
  type LedgerCall,
  type LedgerFault,
  type LedgerSession,
  ledgerServer,
  refreshTokenOf,
  refusal,
  type SessionLedger,
  success,
} from './session-ledger.ts';

/** One fault: the reference service behind it. @internal */
export type CatalogueFault = (service: ReferenceService) => FetchHandle;

const fault =
  (hooks: LedgerFault | (() => LedgerFault)): CatalogueFault =>
  (service) =>
    ledgerServer(service, typeof hooks === 'function' ? hooks() : hooks);

const isRevoke = (call: LedgerCall) => call.operation === 'RevokeToken';
const accepted = (response: Response) => response.status >= 200 && response.status < 300;
const messageOf = async (response: Response): Promise<string> => {
  try {
    return String((JSON.parse(await response.clone().text()) as Record<string, unknown>)['message'] ?? '');
  } catch {
    return '';
  }
};
const refusedAsRevoked = async (response: Response) =>
  (await errorTypeOf(response)) === 'NotAuthorizedException' && /has been revoked/.test(await messageOf(response));

/** The same answer with another status: the body and every header kept. */
async function withStatus(response: Response, status: number): Promise<Response> {
  return new Response(new Uint8Array(await response.arrayBuffer()), { status, headers: response.headers });
}

/** The same answer with one more header. */
async function withHeader(response: Response, name: string, value: string): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(new Uint8Array(await response.arrayBuffer()), { status: response.status, headers });
}

/** The same refusal with the offending input appended to its message, as moto's errors quote it. */
async function quoting(response: Response, value: string): Promise<Response> {
  const type = (await errorTypeOf(response)) ?? 'NotAuthorizedException';
  return refusal(type, `${await messageOf(response)} ${value}`, response.status);
}

/** After a refused RevokeToken of the given error, the session its token names ends all the same. */
const refusedRevokeStillEnds = (error: string, session: (call: LedgerCall, ledger: SessionLedger) => LedgerSession | undefined): CatalogueFault =>
  fault({
    async after(call, response, ledger) {
      if (isRevoke(call) && (await errorTypeOf(response)) === error) {
        const ended = session(call, ledger);
        if (ended) ledger.end(ended);
      }
      return response;
    },
  });

/** After a successful revoke, the sessions `alsoEnds` picks end too. */
const revokeAlsoEnds = (alsoEnds: (revoked: LedgerSession, other: LedgerSession, call: LedgerCall) => boolean): CatalogueFault =>
  fault({
    after(call, response, ledger) {
      const revoked = isRevoke(call) && accepted(response) ? ledger.byRefreshToken(call.body?.['Token']) : undefined;
      if (revoked) for (const other of ledger.sessions) if (other !== revoked && alsoEnds(revoked, other, call)) ledger.end(other);
      return response;
    },
  });

/** Forwards a RevokeToken whose ClientSecret the comparison wrongly takes for the right one. */
const secretComparison = (matches: (presented: string, secret: string) => boolean): CatalogueFault =>
  fault({
    before(call, ledger) {
      const presented = isRevoke(call) ? call.body?.['ClientSecret'] : undefined;
      const secret = ledger.clients.get(String(call.body?.['ClientId']))?.secret;
      if (typeof presented !== 'string' || secret === undefined || presented === secret || !matches(presented, secret)) return undefined;
      return ledger.service.handle(withBody(call.request, { ...call.body, ClientSecret: secret }));
    },
  });

/** Counts the successful revokes of each refresh token. */
function revokeCounter(): (call: LedgerCall, response: Response) => number {
  const counts = new Map<string, number>();
  return (call, response) => {
    const token = call.body?.['Token'];
    if (!isRevoke(call) || !accepted(response) || typeof token !== 'string') return 0;
    const count = (counts.get(token) ?? 0) + 1;
    counts.set(token, count);
    return count;
  };
}

/**
 * GetTokensFromRefreshToken, which the reference does not implement, answered through
 * REFRESH_TOKEN_AUTH on the reference: enough to give the catalogue's rotation faults a body.
 */
async function getTokensThroughRefresh(call: LedgerCall, ledger: SessionLedger): Promise<Response> {
  const refreshToken = call.body?.['RefreshToken'];
  const clientId = String(call.body?.['ClientId']);
  const session = ledger.byRefreshToken(refreshToken);
  const secret = ledger.clients.get(clientId)?.secret;
  const parameters: Record<string, unknown> = { REFRESH_TOKEN: refreshToken };
  if (secret !== undefined && session) parameters['SECRET_HASH'] = secretHash(secret, session.username, clientId);
  return ledger.service.handle(internalRequest('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: parameters }));
}

/** A successful refresh answer with a refresh token added to its AuthenticationResult. */
async function withRefreshToken(response: Response, refreshToken: string): Promise<Response> {
  if (!accepted(response)) return response;
  return rewriteBody(response, (body) => ({
    ...body,
    AuthenticationResult: { ...(body['AuthenticationResult'] as Record<string, unknown>), RefreshToken: refreshToken },
  }));
}

/** @internal */
export const CATALOGUE_FAULTS: Readonly<Record<string, CatalogueFault>> = {
  // Scope: a revoke reaches sessions it must leave alone.
  'revoke-ends-other-users-session-of-the-same-number': revokeAlsoEnds(
    (revoked, other) => other.clientId === revoked.clientId && other.number === revoked.number && other.username !== revoked.username,
  ),
  'revoke-ends-the-same-numbered-session-on-other-clients': revokeAlsoEnds(
    (revoked, other) => other.username === revoked.username && other.number === revoked.number && other.clientId !== revoked.clientId,
  ),
  'linked-revokes-every-session-of-the-user': revokeAlsoEnds(
    (revoked, other, call) => call.body?.['RevokeAssociatedSessions'] === 'LINKED' && other.username === revoked.username,
  ),
  'none-read-as-linked': revokeAlsoEnds(
    (revoked, other, call) =>
      typeof call.body?.['RevokeAssociatedSessions'] === 'string' && other.username === revoked.username && other.clientId === revoked.clientId,
  ),

  // A refused revoke revokes all the same.
  'wrong-client-refusal-still-revokes': refusedRevokeStillEnds('UnauthorizedException', (call, ledger) => {
    const session = ledger.byRefreshToken(call.body?.['Token']);
    return session && session.clientId !== call.body?.['ClientId'] && ledger.clients.has(String(call.body?.['ClientId'])) ? session : undefined;
  }),
  'wrong-secret-refusal-still-revokes': refusedRevokeStillEnds('UnauthorizedException', (call, ledger) => {
    const session = ledger.byRefreshToken(call.body?.['Token']);
    return session?.clientId === call.body?.['ClientId'] ? session : undefined;
  }),
  'revocation-off-refusal-still-revokes': refusedRevokeStillEnds('UnsupportedOperationException', (call, ledger) =>
    ledger.byRefreshToken(call.body?.['Token']),
  ),
  'access-token-refusal-ends-its-session': refusedRevokeStillEnds('UnsupportedTokenTypeException', (call, ledger) =>
    ledger.byAccessToken(call.body?.['Token']),
  ),
  'unknown-client-revokes-and-answers-200': fault({
    // Only the well-formed requests that reach the client lookup: the fault is the missing lookup, not missing validation.
    async after(call, response, ledger) {
      if (!isRevoke(call) || (await messageOf(response)) !== 'The app client does not exist.') return response;
      const session = ledger.byRefreshToken(call.body?.['Token']);
      if (session) ledger.end(session);
      return success({});
    },
  }),
  'other-clients-token-revoked-with-200': fault({
    before(call, ledger) {
      const session = isRevoke(call) ? ledger.byRefreshToken(call.body?.['Token']) : undefined;
      if (!session || session.clientId === call.body?.['ClientId'] || !ledger.clients.has(String(call.body?.['ClientId']))) return undefined;
      ledger.end(session);
      return success({});
    },
  }),

  // Revoked tokens keep working.
  'legacy-refresh-flow-skips-revocation': fault({
    async after(call, response, ledger) {
      if (call.body?.['AuthFlow'] !== 'REFRESH_TOKEN' || !(await refusedAsRevoked(response))) return response;
      const session = ledger.byRefreshToken(refreshTokenOf(call));
      return session ? success({ ChallengeParameters: {}, AuthenticationResult: session.signInTokens }) : response;
    },
  }),
  'revocation-forgotten-after-its-first-refusal': fault(() => {
    const refusals = new Map<LedgerSession, number>();
    return {
      async after(call, response, ledger) {
        const session = ledger.byRefreshToken(refreshTokenOf(call));
        if (!session || !(await refusedAsRevoked(response))) return response;
        const count = (refusals.get(session) ?? 0) + 1;
        refusals.set(session, count);
        return count > 1 ? success({ ChallengeParameters: {}, AuthenticationResult: session.signInTokens }) : response;
      },
    };
  }),
  'get-tokens-from-refresh-token-ignores-revocation': fault({
    async before(call, ledger) {
      if (call.operation !== 'GetTokensFromRefreshToken') return undefined;
      const response = await getTokensThroughRefresh(call, ledger);
      const session = ledger.byRefreshToken(call.body?.['RefreshToken']);
      if (!session || !(await refusedAsRevoked(response))) return response;
      return success({ AuthenticationResult: session.signInTokens });
    },
  }),
  'refreshed-access-tokens-outlive-revocation': fault({
    async after(call, response, ledger) {
      const token = call.operation === 'GetUser' ? call.body?.['AccessToken'] : undefined;
      const session = ledger.byAccessToken(token);
      if (!session || token === session.signInTokens['AccessToken'] || !(await refusedAsRevoked(response))) return response;
      return getUserAnswer(token);
    },
  }),
  'sign-in-access-token-outlives-revocation': fault({
    async after(call, response, ledger) {
      const token = call.operation === 'GetUser' ? call.body?.['AccessToken'] : undefined;
      const session = ledger.byAccessToken(token);
      if (!session || token !== session.signInTokens['AccessToken'] || !(await refusedAsRevoked(response))) return response;
      return getUserAnswer(token);
    },
  }),
  'second-revoke-revives-the-session': fault(() => {
    const count = revokeCounter();
    return {
      after(call, response, ledger) {
        const revokes = count(call, response);
        const session = ledger.byRefreshToken(call.body?.['Token']);
        if (session && revokes > 1) {
          if (revokes % 2 === 0) ledger.revive(session);
          else ledger.end(session);
        }
        return response;
      },
    };
  }),
  'sign-in-revives-the-users-revoked-sessions': fault({
    after(call, response, ledger) {
      if (!isSignIn(call) || !accepted(response)) return response;
      const latest = ledger.sessions.at(-1);
      for (const session of ledger.sessions) if (session !== latest && session.username === latest?.username) ledger.revive(session);
      return response;
    },
  }),
  'get-user-accepts-an-id-token': fault({
    async after(call, response) {
      const token = call.operation === 'GetUser' ? call.body?.['AccessToken'] : undefined;
      if (typeof token !== 'string' || claimsOf(token)['token_use'] !== 'id' || (await errorTypeOf(response)) !== 'NotAuthorizedException') return response;
      return getUserAnswer(token);
    },
  }),
  'refresh-ends-the-earlier-access-tokens': fault(() => {
    const latest = new Map<LedgerSession, unknown>();
    return {
      async after(call, response, ledger) {
        const refreshed = ledger.byRefreshToken(refreshTokenOf(call));
        if (refreshed && accepted(response))
          latest.set(refreshed, ((await outputOf(response))?.['AuthenticationResult'] as Record<string, unknown> | undefined)?.['AccessToken']);
        const token = call.operation === 'GetUser' ? call.body?.['AccessToken'] : undefined;
        const session = ledger.byAccessToken(token);
        if (!session || !accepted(response) || (latest.get(session) ?? session.signInTokens['AccessToken']) === token) return response;
        return refusal('NotAuthorizedException', 'Access Token has been revoked');
      },
    };
  }),

  // Answers that are wrong in what they say.
  'revoked-access-token-called-invalid': fault({
    async after(call, response) {
      return call.operation === 'GetUser' && (await refusedAsRevoked(response)) ? refusal('NotAuthorizedException', 'Invalid token') : response;
    },
  }),
  'unknown-refresh-token-called-revoked': fault({
    async after(call, response) {
      if (refreshTokenOf(call) === undefined || !/Invalid Refresh Token/.test(await messageOf(response))) return response;
      return refusal('NotAuthorizedException', 'Refresh Token has been revoked');
    },
  }),
  'revoke-associated-sessions-refused-as-unknown': fault({
    before(call) {
      const member = isRevoke(call) ? call.body?.['RevokeAssociatedSessions'] : undefined;
      if (member === undefined || member === null) return undefined;
      return refusal('InvalidParameterException', 'Unknown parameter in input: "RevokeAssociatedSessions".');
    },
  }),
  'second-revoke-not-authorized': fault(() => {
    const count = revokeCounter();
    return { after: (call, response) => (count(call, response) > 1 ? refusal('NotAuthorizedException', 'User not authorized') : response) };
  }),
  'second-revoke-unauthorized': fault(() => {
    const count = revokeCounter();
    return {
      after: (call, response) => (count(call, response) > 1 ? refusal('UnauthorizedException', 'The refresh token has already been revoked.') : response),
    };
  }),
  'refresh-answers-with-a-refresh-token': fault({
    after: (call, response) => (refreshTokenOf(call) === undefined ? response : withRefreshToken(response, mintRefreshToken())),
  }),
  'get-tokens-from-refresh-token-never-rotates': fault({
    before: (call, ledger) => (call.operation === 'GetTokensFromRefreshToken' ? getTokensThroughRefresh(call, ledger) : undefined),
  }),
  'get-tokens-from-refresh-token-rotates-with-rotation-off': fault({
    async before(call, ledger) {
      if (call.operation !== 'GetTokensFromRefreshToken') return undefined;
      return withRefreshToken(await getTokensThroughRefresh(call, ledger), mintRefreshToken());
    },
  }),
  'revocation-off-by-default': fault({
    before(call, ledger) {
      if (call.operation !== 'CreateUserPoolClient' || call.body?.['EnableTokenRevocation'] !== undefined) return undefined;
      return ledger.service.handle(withBody(call.request, { ...call.body, EnableTokenRevocation: false }));
    },
  }),

  // Privacy: what was sent comes back.
  'refresh-refusal-quotes-the-refresh-token': fault({
    async after(call, response) {
      const token = refreshTokenOf(call);
      return token !== undefined && response.status >= 400 ? quoting(response, token) : response;
    },
  }),
  'get-user-refusal-quotes-the-access-token': fault({
    async after(call, response) {
      const token = call.body?.['AccessToken'];
      return call.operation === 'GetUser' && typeof token === 'string' && response.status >= 400 ? quoting(response, token) : response;
    },
  }),
  'initiate-auth-refusal-quotes-the-secret-hash': fault({
    async after(call, response) {
      const hash = (call.body?.['AuthParameters'] as Record<string, unknown> | undefined)?.['SECRET_HASH'];
      return call.operation === 'InitiateAuth' && typeof hash === 'string' && response.status >= 400 ? quoting(response, hash) : response;
    },
  }),
  'revoke-success-echoes-the-token-in-a-header': fault({
    after: (call, response) => (isRevoke(call) && accepted(response) ? withHeader(response, 'x-debug-revoked-token', String(call.body?.['Token'])) : response),
  }),

  // Status classes and request ids of every operation.
  'get-user-refusals-as-500': fault({
    after: (call, response) => (call.operation === 'GetUser' && response.status >= 400 ? withStatus(response, 500) : response),
  }),
  'initiate-auth-refusals-as-500': fault({
    after: (call, response) => (call.operation === 'InitiateAuth' && response.status >= 400 ? withStatus(response, 500) : response),
  }),
  'request-id-repeated': fault(() => {
    const requestId = randomUUID();
    return { after: (_call, response) => withHeader(response, 'x-amzn-requestid', requestId) };
  }),
  'request-id-only-on-revoke-token': fault({
    async after(call, response, ledger) {
      if (call.operation === undefined || isRevoke(call) || !ledger.service.operations.has(call.operation as OperationName)) return response;
      const headers = new Headers(response.headers);
      headers.delete('x-amzn-requestid');
      return new Response(new Uint8Array(await response.arrayBuffer()), { status: response.status, headers });
    },
  }),

  // Near misses of the client secret.
  'secret-compared-after-trimming': secretComparison((presented, secret) => presented.trim() === secret),
  'secret-compared-as-a-prefix': secretComparison((presented, secret) => presented.startsWith(secret)),
  'secret-compared-on-its-first-32-characters': secretComparison((presented, secret) => presented.slice(0, 32) === secret.slice(0, 32)),
  'secret-of-another-length-crashes': fault({
    before(call, ledger) {
      const presented = isRevoke(call) ? call.body?.['ClientSecret'] : undefined;
      const secret = ledger.clients.get(String(call.body?.['ClientId']))?.secret;
      if (typeof presented !== 'string' || secret === undefined || presented.length === secret.length) return undefined;
      return refusal('InternalErrorException', 'An internal error occurred.', 500);
    },
  }),

  // JSON null members.
  'null-client-secret-refused-on-a-public-client': fault({
    before(call, ledger) {
      if (!isRevoke(call) || call.body?.['ClientSecret'] !== null || ledger.clients.get(String(call.body['ClientId']))?.secret !== undefined) return undefined;
      return refusal('UnauthorizedException', 'A client secret was sent to an app client that has none.');
    },
  }),
  'null-token-answered-200': fault({ before: (call) => (isRevoke(call) && call.body?.['Token'] === null ? success({}) : undefined) }),
};
