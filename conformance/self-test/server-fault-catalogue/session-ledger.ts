import { randomUUID } from 'node:crypto';
import { AWS_JSON_1_1_CONTENT_TYPE, HEADER, targetOf } from '../../protocol/aws-json.ts';
import type { ReferenceService } from '../../server/reference/index.ts';
import { errorResponse, successResponse } from '../../server/reference/responses.ts';
import { ServiceError } from '../../server/reference/service-error.ts';
import type { FetchHandle } from '../../wire/loopback-server.ts';
import { authParameterOf, claimsOf, errorTypeOf, jsonBody, operationOf, outputOf } from '../broken-servers.ts';

/** One sign-in the wrapper saw go by, with what it needs to end or revive it. @internal */
export interface LedgerSession {
  username: string;
  clientId: string;
  refreshToken: string;
  originJti: unknown;
  /** Which of this user's sign-ins on this client it is, counting from 1. */
  number: number;
  /** The sign-in's AuthenticationResult without its refresh token: what a revived refresh answers with. */
  signInTokens: Record<string, unknown>;
}

/** An app client as CreateUserPoolClient answered it. @internal */
export interface LedgerClient {
  clientId: string;
  secret: string | undefined;
  revocation: boolean;
}

/** One request as the wrapper read it. @internal */
export interface LedgerCall {
  request: Request;
  operation: string | undefined;
  body: Record<string, unknown> | undefined;
}

/** What a catalogue fault does around the reference service. @internal */
export interface LedgerFault {
  /** Answer in the service's place (after the ledger's own refusals of ended sessions). */
  before?(call: LedgerCall, ledger: SessionLedger): Promise<Response | undefined> | Response | undefined;
  /** Change the service's answer. */
  after?(call: LedgerCall, response: Response, ledger: SessionLedger): Promise<Response> | Response;
}

/** A refusal in the reference's own form. @internal */
export function refusal(type: string, message: string, status?: number): Response {
  return errorResponse(new ServiceError(type, message, status === undefined ? {} : { status }), randomUUID());
}

/** GetUser's answer for an access token, built from its claims (the wrapper cannot read the user). @internal */
export function getUserAnswer(accessToken: unknown): Response {
  const claims = claimsOf(String(accessToken));
  return success({ Username: claims['username'], UserAttributes: [{ Name: 'sub', Value: claims['sub'] }] });
}

/** A success in the reference's own form. @internal */
export function success(output: object): Response {
  return successResponse(output, randomUUID());
}

/** A request the wrapper itself sends to the reference, on the side of the one it is answering. @internal */
export function internalRequest(operation: string, body: Record<string, unknown>): Request {
  return new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, [HEADER.target]: targetOf(operation) },
    body: JSON.stringify(body),
  });
}

const REFRESH_FLOWS = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']);

/** The refresh token of an InitiateAuth refresh, if the call is one. @internal */
export function refreshTokenOf(call: LedgerCall): string | undefined {
  if (call.operation !== 'InitiateAuth' || !REFRESH_FLOWS.has(String(call.body?.['AuthFlow']))) return undefined;
  const token = authParameterOf(call.body, 'REFRESH_TOKEN');
  return typeof token === 'string' ? token : undefined;
}

// The password sign-ins of both operations, by every spelling: a fault in how a server keys its
// sessions reaches the sessions of AdminInitiateAuth as much as those of InitiateAuth.
const SIGN_IN_FLOWS: Readonly<Record<string, ReadonlySet<string>>> = {
  InitiateAuth: new Set(['USER_PASSWORD_AUTH']),
  AdminInitiateAuth: new Set(['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']),
};

/** A password sign-in, by InitiateAuth or AdminInitiateAuth. @internal */
export function isSignIn(call: LedgerCall): boolean {
  return SIGN_IN_FLOWS[call.operation ?? '']?.has(String(call.body?.['AuthFlow'])) === true;
}

/**
 * What a wrapper around the reference learns from the wire: the app clients (with their
 * secrets) and every sign-in (with its refresh token and origin_jti). The reference's state is
 * out of reach, so a fault that revokes too much ends sessions here, and one that revokes too
 * little revives them here; the wrapper then answers for the reference where they are used.
 * @internal
 */
export class SessionLedger {
  readonly sessions: LedgerSession[] = [];
  readonly clients = new Map<string, LedgerClient>();
  readonly #ended = new Set<LedgerSession>();
  readonly #revived = new Set<LedgerSession>();

  constructor(readonly service: ReferenceService) {}

  byRefreshToken(token: unknown): LedgerSession | undefined {
    return typeof token === 'string' ? this.sessions.find((s) => s.refreshToken === token) : undefined;
  }

  byAccessToken(token: unknown): LedgerSession | undefined {
    if (typeof token !== 'string') return undefined;
    const origin = claimsOf(token)['origin_jti'];
    return origin === undefined ? undefined : this.sessions.find((s) => s.originJti === origin);
  }

  /** The session ends for every later request, whatever the reference thinks. */
  end(session: LedgerSession): void {
    this.#revived.delete(session);
    this.#ended.add(session);
  }

  /** The session works again for every later request, whatever the reference thinks. */
  revive(session: LedgerSession): void {
    this.#ended.delete(session);
    this.#revived.add(session);
  }

  isEnded(session: LedgerSession | undefined): boolean {
    return session !== undefined && this.#ended.has(session);
  }

  isRevived(session: LedgerSession | undefined): boolean {
    return session !== undefined && this.#revived.has(session);
  }

  /** Revokes a session in the reference itself, through its own client and secret. */
  async revokeForReal(session: LedgerSession): Promise<void> {
    const client = this.clients.get(session.clientId);
    const input = { Token: session.refreshToken, ClientId: session.clientId, ...(client?.secret === undefined ? {} : { ClientSecret: client.secret }) };
    await (await this.service.handle(internalRequest('RevokeToken', input))).arrayBuffer();
  }

  /** Learns from one answer of the reference: the clients it created, and every password sign-in. */
  async observe(call: LedgerCall, response: Response): Promise<void> {
    const output = await outputOf(response);
    if (!output) return;
    if (call.operation === 'CreateUserPoolClient') {
      const client = output['UserPoolClient'] as Record<string, unknown> | undefined;
      if (typeof client?.['ClientId'] === 'string') {
        this.clients.set(client['ClientId'], {
          clientId: client['ClientId'],
          secret: typeof client['ClientSecret'] === 'string' ? client['ClientSecret'] : undefined,
          revocation: client['EnableTokenRevocation'] !== false,
        });
      }
    }
    if (isSignIn(call)) {
      const result = output['AuthenticationResult'] as Record<string, unknown> | undefined;
      if (typeof result?.['RefreshToken'] !== 'string') return;
      const { RefreshToken: refreshToken, ...signInTokens } = result;
      const username = String(authParameterOf(call.body, 'USERNAME'));
      const clientId = String(call.body?.['ClientId']);
      const number = this.sessions.filter((s) => s.username === username && s.clientId === clientId).length + 1;
      this.sessions.push({ username, clientId, refreshToken, originJti: claimsOf(String(result['AccessToken']))['origin_jti'], number, signInTokens });
    }
  }

  /** The ledger's own answer for an ended session, before the reference is asked. */
  refuseEnded(call: LedgerCall): Response | undefined {
    if (call.operation === 'GetUser' && this.isEnded(this.byAccessToken(call.body?.['AccessToken'])))
      return refusal('NotAuthorizedException', 'Access Token has been revoked');
    if (this.isEnded(this.byRefreshToken(refreshTokenOf(call)))) return refusal('NotAuthorizedException', 'Refresh Token has been revoked');
    return undefined;
  }

  /** The answer for a revived session, where the reference refused it as revoked. */
  async answerRevived(call: LedgerCall, response: Response): Promise<Response> {
    if ((await errorTypeOf(response)) !== 'NotAuthorizedException' || !/has been revoked/.test(await response.clone().text())) return response;
    if (call.operation === 'GetUser') {
      const token = call.body?.['AccessToken'];
      return this.isRevived(this.byAccessToken(token)) ? getUserAnswer(token) : response;
    }
    const session = this.byRefreshToken(refreshTokenOf(call));
    if (!session || !this.isRevived(session)) return response;
    return success({ ChallengeParameters: {}, AuthenticationResult: session.signInTokens });
  }
}

/** The reference service behind a fault, with a ledger of what crossed the wire. @internal */
export function ledgerServer(service: ReferenceService, fault: LedgerFault): FetchHandle {
  const ledger = new SessionLedger(service);
  return async (request) => {
    const call: LedgerCall = { request, operation: operationOf(request), body: await jsonBody(request) };
    const refused = ledger.refuseEnded(call);
    if (refused) return refused;
    const instead = await fault.before?.(call, ledger);
    const response = instead ?? (await service.handle(request));
    // What a fault answered in the service's place is learnt from too (a client it created).
    await ledger.observe(call, response);
    if (instead) return instead;
    const answered = await ledger.answerRevived(call, response);
    return fault.after ? fault.after(call, answered, ledger) : answered;
  };
}
