import { describe, expect, it } from 'vitest';
import { p2NoKnownSecret, r12ClientDefaults, s12EveryOperation, s16UniqueRequestId, s17EveryOperationShape } from './every-answer.ts';
import type { ServerObservation } from './server-check.ts';
import { answer, observe, verdictOf } from './test-support.ts';

const secret = 'aRefreshTokenTheRunKnew.abc123';

function logged(observation: ServerObservation, ledger: Partial<NonNullable<ServerObservation['ledger']>> = {}, body?: unknown): ServerObservation {
  const request = { ...observation.exchange.request, body: new TextEncoder().encode(body === undefined ? '' : JSON.stringify(body)) };
  return {
    ...observation,
    exchange: { ...observation.exchange, request } as ServerObservation['exchange'],
    ledger: { caseId: 'c', knownBefore: [], repeatedRequestId: false, ...ledger },
  };
}

describe('the checks of every answer', () => {
  it('apply only to the log of every answer, never to a case step', () => {
    expect(verdictOf(p2NoKnownSecret, observe(answer({ body: { x: secret } }), { operation: 'GetUser' }))).toBeUndefined();
  });

  it("P2: fails a known token in any operation's body or header, without printing it", () => {
    const inBody = verdictOf(p2NoKnownSecret, logged(observe(answer({ body: { Username: secret } }), { operation: 'GetUser' }), { knownBefore: [secret] }));
    expect(inBody?.status).toBe('fail');
    expect(JSON.stringify(inBody)).not.toContain(secret);
    const inHeader = verdictOf(
      p2NoKnownSecret,
      logged(observe(answer({ status: 400, headers: { 'x-debug': secret }, body: {} }), { operation: 'InitiateAuth' }), { knownBefore: [secret] }),
    );
    expect(inHeader?.actual).toContain('x-debug');
    expect(verdictOf(p2NoKnownSecret, logged(observe(answer({ body: { x: 'new' } }), { operation: 'InitiateAuth' }), { knownBefore: [secret] }))?.status).toBe(
      'pass',
    );
  });

  it('P2: lets GetTokensFromRefreshToken hand back a refresh token it rotated in earlier', () => {
    const body = { AuthenticationResult: { AccessToken: 'a', IdToken: 'i', RefreshToken: secret, ExpiresIn: 3600, TokenType: 'Bearer' } };
    expect(verdictOf(p2NoKnownSecret, logged(observe(answer({ body }), { operation: 'GetTokensFromRefreshToken' }), { knownBefore: [secret] }))?.status).toBe(
      'pass',
    );
  });

  it('S12: a client error of any operation is a 4xx; a server fault may be a 5xx', () => {
    const status = (code: number, type: string) =>
      verdictOf(s12EveryOperation, logged(observe(answer({ status: code, body: { __type: type } }), { operation: 'GetUser' })))?.status;
    expect(status(500, 'NotAuthorizedException')).toBe('fail');
    expect(status(400, 'NotAuthorizedException')).toBe('pass');
    expect(status(500, 'InternalErrorException')).toBe('pass');
  });

  it('S16: fails an answer whose request id came before', () => {
    expect(verdictOf(s16UniqueRequestId, logged(observe(answer()), { repeatedRequestId: true }))?.status).toBe('fail');
    expect(verdictOf(s16UniqueRequestId, logged(observe(answer()), { repeatedRequestId: false }))?.status).toBe('pass');
  });

  it('S17: a refresh answer needs its tokens, ExpiresIn and TokenType Bearer; a challenge is a complete sign-in answer', () => {
    const verdict = (operation: string, body: unknown) => verdictOf(s17EveryOperationShape, logged(observe(answer({ body }), { operation })))?.status;
    expect(verdict('GetTokensFromRefreshToken', { AuthenticationResult: { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600, TokenType: 'Bearer' } })).toBe(
      'pass',
    );
    expect(verdict('InitiateAuth', { AuthenticationResult: { AccessToken: 'a', IdToken: 'i' } })).toBe('fail');
    expect(verdict('InitiateAuth', { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' })).toBe('pass');
    expect(verdict('GetUser', { Username: 'u' })).toBe('fail');
    expect(verdictOf(s17EveryOperationShape, logged(observe(answer({ body: { Username: 'u' } }), { operation: 'RevokeToken' })))).toBeUndefined();
  });

  it('R12: the defaults client must state no secret, revocation on and the three default flows', () => {
    const created = (client: Record<string, unknown>) =>
      verdictOf(
        r12ClientDefaults,
        logged(
          observe(answer({ body: { UserPoolClient: client } }), { operation: 'CreateUserPoolClient' }),
          {},
          { UserPoolId: 'p', ClientName: 'rt-defaults-1' },
        ),
      )?.status;
    expect(
      created({ ClientId: 'c', EnableTokenRevocation: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'] }),
    ).toBe('pass');
    expect(created({ ClientId: 'c', EnableTokenRevocation: false })).toBe('fail');
    expect(created({ ClientId: 'c', ClientSecret: 's' })).toBe('fail');
    expect(created({ ClientId: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })).toBe('fail');
    expect(created({ ClientId: 'c' })).toBe('pass');
  });
});
