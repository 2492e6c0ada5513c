import { getResponse, HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LoadedFixture, loadFixtures } from '../fixtures/load.ts';
import { AWS_JSON_1_1_CONTENT_TYPE, REVOKE_TOKEN_TARGET } from '../protocol/aws-json.ts';
import { REDACTED } from '../redaction/redact.ts';
import { createConformanceService, NonConformingRequestError } from './conformance-service.ts';
import { handlerForFixture } from './fixture-handler.ts';

const ENDPOINT = 'https://cognito-idp.us-east-1.amazonaws.com';
const TOKEN = 'eyJ.my-own-test-token.sig';

function request(overrides: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {}): Request {
  const body = overrides.body ?? JSON.stringify({ Token: TOKEN, ClientId: 'client1' });
  const method = overrides.method ?? 'POST';
  return new Request(`${ENDPOINT}${overrides.path ?? '/'}`, {
    method,
    headers: overrides.headers ?? { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, 'x-amz-target': REVOKE_TOKEN_TARGET },
    ...(method === 'GET' ? {} : { body }),
  });
}

let forbidden: LoadedFixture;
let success: LoadedFixture;
beforeAll(async () => {
  const fixtures = await loadFixtures();
  forbidden = fixtures.find((f) => f.id === 'RevokeTokenForbiddenExceptionAsObserved')!;
  success = fixtures.find((f) => f.id === 'RevokeTokenSuccessEmptyObject')!;
});

describe('createConformanceService', () => {
  it('answers a conforming request as the fixture says, and every request rule passes', async () => {
    const service = createConformanceService({ refuseNonConforming: true });
    const answer = await getResponse([service.handlerFor(forbidden)], request());
    expect(answer?.status).toBe(403);
    expect(service.requests).toHaveLength(1);
    expect(service.failures()).toEqual([]);
    expect(service.verdicts().map((v) => v.check)).toEqual(expect.arrayContaining(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C8', 'C9']));
    expect(() => service.assertConformant()).not.toThrow();
  });

  it('judges a request with the wrong target and a text/plain body, yet still answers it by default', async () => {
    const service = createConformanceService();
    const wrong = request({ headers: { 'content-type': 'text/plain', 'x-amz-target': 'AWSCognitoIdentityProviderService.revokeToken' }, body: 'Token=x' });
    const answer = await getResponse([service.handlerFor(success)], wrong);
    expect(answer?.status).toBe(200);
    expect(service.failures().map((v) => v.check)).toEqual(['C3', 'C4', 'C8']);
    expect(service.requests[0]!.refused).toBe(false);
    expect(() => service.assertConformant()).toThrow(NonConformingRequestError);
    expect(() => service.assertConformant()).toThrow(
      /C4 \(.*\): expected X-Amz-Target: AWSCognitoIdentityProviderService\.RevokeToken, got X-Amz-Target: AWSCognitoIdentityProviderService\.revokeToken/,
    );
  });

  it('with refuseNonConforming, answers a request that breaks a must rule with a 400 naming the rule', async () => {
    const service = createConformanceService({ refuseNonConforming: true });
    const answer = await getResponse(
      [service.handlerFor(success)],
      request({ headers: { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, 'x-amz-target': 'Cognito.RevokeToken' } }),
    );
    expect(answer?.status).toBe(400);
    expect(answer?.headers.get('x-amzn-errortype')).toBe('RevokeTokenConformanceError');
    const body = (await answer!.json()) as { __type: string; message: string; violations: { rule: string; expected: string; actual: string }[] };
    expect(body.__type).toBe('RevokeTokenConformanceError');
    expect(body.message).toMatch(/C4 .*expected X-Amz-Target: AWSCognitoIdentityProviderService\.RevokeToken, got X-Amz-Target: Cognito\.RevokeToken/);
    expect(body.violations).toEqual([
      { rule: 'C4', title: expect.any(String), expected: `X-Amz-Target: ${REVOKE_TOKEN_TARGET}`, actual: 'X-Amz-Target: Cognito.RevokeToken' },
    ]);
    expect(service.requests[0]!.refused).toBe(true);
  });

  it('judges any method and path on the regional host instead of leaving it unhandled', async () => {
    const service = createConformanceService({ refuseNonConforming: true });
    const answer = await getResponse([service.handlerFor(success)], request({ method: 'GET', path: '/RevokeToken' }));
    expect(answer?.status).toBe(400);
    expect(service.failures().map((v) => v.check)).toEqual(expect.arrayContaining(['C1', 'C2']));
  });

  it("compares the body with the caller's params when given, and never quotes the token", async () => {
    const service = createConformanceService();
    await getResponse([service.handlerFor(success, { params: { Token: 'another-token', ClientId: 'client1' } })], request());
    const [c8] = service.failures();
    expect(c8?.check).toBe('C8');
    expect(c8?.expected).toBe(`Token: "${REDACTED}"`);
    expect(c8?.actual).toBe(`Token: "${REDACTED}"`);
    expect(JSON.stringify(service.verdicts())).not.toContain(TOKEN);
    expect(() => service.assertConformant()).toThrow(/C8/);
  });

  it("with params: 'fixture', holds the body to the fixture's own params", async () => {
    const service = createConformanceService();
    const body = JSON.stringify(success.params);
    await getResponse([service.handlerFor(success, { params: 'fixture' })], request({ body }));
    expect(service.failures()).toEqual([]);
    await getResponse([service.handlerFor(success, { params: 'fixture' })], request({ body: JSON.stringify({ ...success.params, Extra: 1 }) }));
    // An extra member breaks the schema (C8) as well as the omit-unset rule (C9).
    expect(service.failures().map((v) => v.check)).toEqual(['C8', 'C9']);
  });

  it('forgets the requests on reset', async () => {
    const service = createConformanceService();
    await getResponse([service.handlerFor(success)], request({ body: '' }));
    expect(service.failures().map((v) => v.check)).toEqual(['C8', 'C10']);
    service.reset();
    expect(service.requests).toEqual([]);
    expect(() => service.assertConformant({ allowNoRequests: true })).not.toThrow();
  });

  it('fails when no request arrived at all, naming the likely causes and the option', () => {
    const service = createConformanceService({ region: 'eu-west-1' });
    service.handlerFor(success);
    let error: unknown;
    try {
      service.assertConformant();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonConformingRequestError);
    expect((error as NonConformingRequestError).failures).toEqual([]);
    const message = (error as Error).message;
    expect(message).toMatch(/^no RevokeToken request reached the conformance service/);
    expect(message).toContain('https://cognito-idp.eu-west-1.amazonaws.com');
    expect(message).toContain('allowNoRequests: true');
  });

  it('fails with nothing judged when the only request went to another region, and passes it only when told none is expected', async () => {
    const service = createConformanceService({ region: 'eu-west-1' });
    expect(await getResponse([service.handlerFor(success)], request())).toBeUndefined();
    expect(() => service.assertConformant()).toThrow(/no RevokeToken request reached/);
    expect(() => service.assertConformant({ allowNoRequests: false })).toThrow(/no RevokeToken request reached/);
    expect(() => service.assertConformant({ allowNoRequests: true })).not.toThrow();
  });

  it('still fails a broken request under allowNoRequests: the option only forgives silence', async () => {
    const service = createConformanceService();
    await getResponse([service.handlerFor(success)], request({ body: '' }));
    expect(() => service.assertConformant({ allowNoRequests: true })).toThrow(/1 of 1 RevokeToken request broke the contract/);
  });

  it("leaves another operation's requests to the other handlers, but judges a misspelt RevokeToken target", async () => {
    const service = createConformanceService({ refuseNonConforming: true });
    const initiateAuth = http.post(ENDPOINT, () => HttpResponse.json({ AuthenticationResult: {} }));
    const other = request({ headers: { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' } });
    expect((await getResponse([service.handlerFor(success), initiateAuth], other))?.status).toBe(200);
    expect(service.requests).toEqual([]);
    const misspelt = request({ headers: { 'content-type': AWS_JSON_1_1_CONTENT_TYPE, 'x-amz-target': 'CognitoIdentityProvider.revoketoken' } });
    expect((await getResponse([service.handlerFor(success), initiateAuth], misspelt))?.status).toBe(400);
    expect(service.failures().map((v) => v.check)).toEqual(['C4']);
  });

  it('answers only the region it was made for', async () => {
    const service = createConformanceService({ region: 'eu-west-1' });
    expect(await getResponse([service.handlerFor(success)], request())).toBeUndefined();
  });
});

describe('handlerForFixture', () => {
  it('refuses a non-conforming request when asked to, and reports the verdicts', async () => {
    const judged: string[] = [];
    const handler = handlerForFixture(forbidden, {
      refuseNonConforming: true,
      onJudged: (j) => judged.push(...j.verdicts.filter((v) => v.status === 'fail').map((v) => v.check)),
    });
    const answer = await getResponse([handler], request({ headers: { 'x-amz-target': REVOKE_TOKEN_TARGET, 'content-type': 'text/plain' } }));
    expect(answer?.status).toBe(400);
    expect(judged).toEqual(['C3']);
  });
});
