import { describe, expect, it } from 'vitest';
import { createReferenceService, type ReferenceService } from '../../conformance/server/reference/reference-service.ts';
import { findingOf } from './finding.ts';
import { OBSERVATION_IDS } from './observation.ts';
import { type CallApi, editedToken, type ObserveOptions, observeRevokedToken } from './observe-revoked-token.ts';
import { awsJwtVerifier, type OfflineVerifier } from './offline-verifier.ts';

const ENDPOINT = 'https://cognito-idp.us-east-1.amazonaws.com/';

function wiring(service: ReferenceService): ObserveOptions {
  const call: CallApi = async (operation, input) => {
    const response = await service.handle(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
        body: JSON.stringify(input),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const fetchJwks = async (poolId: string) => (await service.handle(new Request(new URL(`/${poolId}/.well-known/jwks.json`, ENDPOINT)))).json();
  return { call, fetchJwks, makeVerifier: awsJwtVerifier };
}

const seen = (observations: { id: string; seen: string }[]) => Object.fromEntries(observations.map((o) => [o.id, o.seen]));

describe('observeRevokedToken', () => {
  it('on the reference server: GetUser refuses the revoked access token, aws-jwt-verify still accepts it offline', async () => {
    const observations = await observeRevokedToken(wiring(createReferenceService()));
    expect(observations.map((o) => o.id)).toEqual([...OBSERVATION_IDS]);
    expect(seen(observations)).toEqual({
      'api-before-revoke': 'accepted',
      'verifier-before-revoke': 'accepted',
      'revoke-token': 'accepted',
      'api-after-revoke': 'refused',
      'verifier-after-revoke': 'accepted',
      'verifier-id-token-after-revoke': 'accepted',
      'verifier-edited-token': 'refused',
    });
    const finding = findingOf(observations);
    expect(finding).toEqual({ meaningful: true, sentence: expect.stringMatching(/GetUser refuses the access token, but the JWT verifier still accepts it/) });
    // Nothing in the report can carry a token: the details are fixed phrases and error names.
    expect(JSON.stringify(observations)).not.toMatch(/eyJ/);
  });

  it('sees it when the server does not honour the revoke (a server that drops RevokeToken)', async () => {
    const base = wiring(createReferenceService());
    const dropsRevoke: CallApi = (operation, input) => (operation === 'RevokeToken' ? Promise.resolve({ status: 200, body: {} }) : base.call(operation, input));
    const observations = await observeRevokedToken({ ...base, call: dropsRevoke });
    expect(seen(observations)['api-after-revoke']).toBe('accepted');
    expect(findingOf(observations)).toEqual({ meaningful: true, sentence: expect.stringMatching(/GetUser still accepts the access token/) });
  });

  it("is no evidence when the verifier holds the wrong keys: another server's JWKS fails the control", async () => {
    const other = createReferenceService();
    const base = wiring(createReferenceService());
    const observations = await observeRevokedToken({ ...base, fetchJwks: () => jwksOfAnother(other) });
    expect(seen(observations)['verifier-before-revoke']).toBe('refused');
    expect(findingOf(observations)).toEqual({ meaningful: false, reason: expect.stringMatching(/refused the fresh access token/) });
  });

  it('is no evidence when the verifier takes anything: the edited-token control catches it', async () => {
    const acceptsAll: OfflineVerifier = { verify: async () => ({ accepted: true }) };
    const observations = await observeRevokedToken({ ...wiring(createReferenceService()), makeVerifier: () => acceptsAll });
    expect(seen(observations)['verifier-edited-token']).toBe('accepted');
    expect(findingOf(observations)).toEqual({ meaningful: false, reason: expect.stringMatching(/accepted an edited token/) });
  });

  it('says so when a verifier does refuse the revoked token', async () => {
    const service = createReferenceService();
    const base = wiring(service);
    let revoked = false;
    const call: CallApi = async (operation, input) => {
      if (operation === 'RevokeToken') revoked = true;
      return base.call(operation, input);
    };
    const strict = (jwks: unknown, pool: string, client: string): OfflineVerifier => {
      const real = awsJwtVerifier(jwks, pool, client);
      return { verify: async (token, use) => (revoked ? { accepted: false, error: 'Revoked' } : real.verify(token, use)) };
    };
    const observations = await observeRevokedToken({ ...base, call, makeVerifier: strict });
    expect(findingOf(observations)).toEqual({ meaningful: true, sentence: expect.stringMatching(/both GetUser and the JWT verifier refuse/) });
  });
});

describe('editedToken', () => {
  it('changes a claim and keeps the header and the signature', () => {
    const payload = Buffer.from(JSON.stringify({ username: 'a', sub: 's' })).toString('base64url');
    const [header, edited, signature] = editedToken(`h.${payload}.sig`).split('.');
    expect([header, signature]).toEqual(['h', 'sig']);
    expect(JSON.parse(Buffer.from(edited ?? '', 'base64url').toString())).toEqual({ username: 'a-edited', sub: 's' });
  });
});

/** Any JWKS of another service: it needs a pool to serve one. */
async function jwksOfAnother(other: ReferenceService): Promise<unknown> {
  const created = await other.handle(
    new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.CreateUserPool' },
      body: JSON.stringify({ PoolName: 'other' }),
    }),
  );
  const { UserPool } = (await created.json()) as { UserPool: { Id: string } };
  return (await other.handle(new Request(new URL(`/${UserPool.Id}/.well-known/jwks.json`, ENDPOINT)))).json();
}
