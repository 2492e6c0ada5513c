import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFixtures } from '../fixtures/lint.ts';
import type { ReceivedResponse } from '../server/wire/exchange.ts';
import { NORMALISED_DATE, NORMALISED_REQUEST_ID, PLACEHOLDERS, recordedFixture } from './recorded-fixture.ts';

const origin = { upstreamName: 'test upstream', date: '2026-12-07' };
const realToken = 'eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0UGF5bG9hZEZvclRlc3Rpbmc.U2lnbmF0dXJlVGhhdExvb2tzUmVhbA';
const realClient = '4k2b9q7x1m3n5p8r0t6v2w4y6z';
const realSecret = 'Zq8vK2mP9xL4nR7tW1yB5cD3fG6hJ0kM2pS4uV8';
const requestBody = JSON.stringify({ Token: realToken, ClientId: realClient, ClientSecret: realSecret });

function answer(status: number, headers: Record<string, string>, text: string): ReceivedResponse {
  return { status, headers, body: new TextEncoder().encode(text), text, truncated: false };
}

function lint(id: string, text: string, folder: string) {
  return lintFixtures([{ file: `${folder}/${id}.json`, path: `/tmp/${folder}/${id}.json`, relativePath: `${folder}/${id}.json`, text }]);
}

const ANSWERS: ReadonlyArray<[string, ReceivedResponse, string]> = [
  [
    'success {}',
    answer(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'a1b2c3d4-real-id', date: 'Tue, 08 Dec 2026 10:00:00 GMT' }, '{}'),
    'success',
  ],
  ['success, empty body', answer(200, { 'content-type': 'application/x-amz-json-1.1' }, ''), 'success'],
  [
    'a modeled error as Cognito sends it',
    answer(
      400,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InvalidParameterException:', 'x-amzn-requestid': 'r-1' },
      '{"__type":"InvalidParameterException","message":"Bad."}',
    ),
    'errors/modeled',
  ],
  ['an unknown error', answer(400, { 'content-type': 'application/x-amz-json-1.1' }, '{"__type":"SomethingNewException"}'), 'errors/unknown'],
  ['an HTML page', answer(502, { 'content-type': 'text/html' }, '<html><body>Bad gateway</body></html>'), 'errors/non-json'],
];

describe('a recorded exchange becomes a candidate fixture', () => {
  it.each(ANSWERS)('%s: lints clean in the folder it is given', (_label, response, folder) => {
    const candidate = recordedFixture('RevokeTokenRecordedTestUpstreamCase1', requestBody, response, origin);
    expect(candidate.folder).toBe(folder);
    expect(lint(candidate.fixture.id, JSON.stringify(candidate.fixture, null, 2), candidate.folder)).toEqual([]);
  });

  it('puts the placeholders in the params and wherever the answer repeats a sent value, the same in both', () => {
    const echoed = answer(
      400,
      { 'content-type': 'application/x-amz-json-1.1', 'x-debug-client': realClient },
      JSON.stringify({ __type: 'NotAuthorizedException', message: `Token ${realToken} is not valid for ${realClient}` }),
    );
    const { fixture } = recordedFixture('RevokeTokenRecordedTestUpstreamCase1', requestBody, echoed, origin);
    const text = JSON.stringify(fixture);
    for (const real of [realToken, realClient, realSecret]) expect(text).not.toContain(real);
    expect(fixture.params).toEqual(PLACEHOLDERS);
    expect(fixture.response.body).toContain(`Token ${PLACEHOLDERS.Token} is not valid for ${PLACEHOLDERS.ClientId}`);
    expect(fixture.response.headers?.['X-Debug-Client']).toBe(PLACEHOLDERS.ClientId);
  });

  it('normalises the request id (in the header and wherever the body repeats it) and the date, and drops the framing', () => {
    const response = answer(
      400,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'f00dcafe-real', date: 'Tue, 08 Dec 2026 10:00:00 GMT', 'content-length': '70' },
      '{"__type":"InvalidParameterException","message":"See request f00dcafe-real."}',
    );
    const { fixture } = recordedFixture('RevokeTokenRecordedTestUpstreamCase1', requestBody, response, origin);
    expect(fixture.response.headers).toEqual({
      'Content-Type': 'application/x-amz-json-1.1',
      'x-amzn-RequestId': NORMALISED_REQUEST_ID,
      Date: NORMALISED_DATE,
    });
    expect(fixture.response.body).toContain(`See request ${NORMALISED_REQUEST_ID}.`);
  });

  it('says it was recorded, when and from where', () => {
    const { fixture } = recordedFixture('RevokeTokenRecordedTestUpstreamCase1', requestBody, ANSWERS[0]![1], origin);
    expect(fixture.documentation).toMatch(/^Recorded on 2026-12-07 from test upstream through the judging proxy: HTTP 200/);
    expect(fixture.source).toEqual({ kind: 'observed', ref: 'recorded by revoketoken-conformance proxy from test upstream on 2026-12-07' });
  });

  it('any sent values and any JSON answer that names a modeled error: the sent values never survive, the file lints clean', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/);
    const names = ['InvalidParameterException', 'NotAuthorizedException', 'UnauthorizedException', 'UnsupportedTokenTypeException', 'TooManyRequestsException'];
    fc.assert(
      fc.property(value, value, fc.constantFrom(...names), fc.boolean(), (token, clientId, name, echo) => {
        fc.pre(!token.includes(clientId) && !clientId.includes(token));
        const body = JSON.stringify({ Token: token, ClientId: clientId });
        const message = echo ? `Example message for ${clientId}.` : 'Example message.';
        const response = answer(400, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify({ __type: name, message }));
        const candidate = recordedFixture('RevokeTokenRecordedTestUpstreamCase1', body, response, origin);
        const text = JSON.stringify(candidate.fixture, null, 2);
        expect(text).not.toContain(token);
        expect(text).not.toContain(clientId);
        expect(lint(candidate.fixture.id, text, candidate.folder)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('a short sent value', () => {
  it('is replaced only where the answer quotes it whole, so the rest of the answer stays as sent', () => {
    const body = JSON.stringify({ Token: 'fake-refresh-token.example-9', ClientId: 'a' });
    const response = answer(
      400,
      { 'content-type': 'application/x-amz-json-1.1' },
      '{"__type":"InvalidParameterException","message":"Example message: a bad value.","client":"a"}',
    );
    const { fixture } = recordedFixture('RevokeTokenRecordedTestUpstreamCase1', body, response, origin);
    expect(fixture.response.body).toBe(`{"__type":"InvalidParameterException","message":"Example message: a bad value.","client":"${PLACEHOLDERS.ClientId}"}`);
  });
});
