import { describe, expect, it } from 'vitest';
import type { Exchange } from '../server/wire/exchange.ts';
import { ExchangeLedger } from './judge-exchange.ts';
import { observe } from './observe.ts';

const enc = (text: string) => new TextEncoder().encode(text);
const JSON_TYPE = 'application/x-amz-json-1.1';

function exchangeOf(target: string, body: string, status: number, headers: Record<string, string>, answer: string): Exchange {
  return {
    request: { method: 'POST', path: '/', headers: { 'x-amz-target': target }, body: enc(body) },
    response: { status, headers, body: enc(answer), text: answer, truncated: false },
  };
}

function observed(index: number, target: string, body: string, status: number, headers: Record<string, string>, answer: string) {
  const request = {
    method: 'POST',
    path: '/',
    headers: { 'content-type': JSON_TYPE, 'x-amz-target': target, 'content-length': String(enc(body).byteLength) },
    body: enc(body),
  };
  return observe(index, 'http://127.0.0.1:9', request, exchangeOf(target, body, status, headers, answer), 1);
}

const failed = (verdicts: ReadonlyArray<{ check: string; status: string }>) => verdicts.filter((v) => v.status === 'fail').map((v) => v.check);
const REVOKE = 'AWSCognitoIdentityProviderService.RevokeToken';
const revokeBody = JSON.stringify({ Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' });

describe('one exchange through the proxy is judged by the suite rules', () => {
  it('a conforming RevokeToken exchange passes the client and server rules', () => {
    const verdicts = new ExchangeLedger().judge(observed(1, REVOKE, revokeBody, 200, { 'content-type': JSON_TYPE, 'x-amzn-requestid': 'id-1' }, '{}'), 1000);
    expect(failed(verdicts)).toEqual([]);
    expect(verdicts.map((v) => v.check)).toEqual(expect.arrayContaining(['C1', 'C3', 'C4', 'C8', 'S8', 'S14', 'H1']));
  });

  it('a RevokeToken answer without a request id fails S14; one that echoes the token fails P1', () => {
    const answer = JSON.stringify({ __type: 'NotAuthorizedException', message: 'fake-refresh-token.example-1 is bad' });
    const verdicts = new ExchangeLedger().judge(observed(1, REVOKE, revokeBody, 400, { 'content-type': JSON_TYPE }, answer), 1000);
    expect(failed(verdicts)).toEqual(expect.arrayContaining(['S14', 'P1']));
  });

  it('another operation is judged by the every-answer rules only: its request is not held to RevokeToken', () => {
    const body = JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'exampleclient1', AuthParameters: { USERNAME: 'a', PASSWORD: 'Correct-Horse-9' } });
    const verdicts = new ExchangeLedger().judge(
      observed(1, 'AWSCognitoIdentityProviderService.InitiateAuth', body, 200, { 'content-type': JSON_TYPE }, '{}'),
      1000,
    );
    expect(verdicts.some((v) => v.check.startsWith('C'))).toBe(false);
    expect(failed(verdicts)).toEqual(['S14']);
  });

  it('an answer that hands back a password or token an earlier request sent fails P2; a repeated request id fails S16', () => {
    const ledger = new ExchangeLedger();
    const signIn = JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'exampleclient1',
      AuthParameters: { USERNAME: 'a', PASSWORD: 'Correct-Horse-9' },
    });
    ledger.judge(
      observed(1, 'AWSCognitoIdentityProviderService.InitiateAuth', signIn, 200, { 'content-type': JSON_TYPE, 'x-amzn-requestid': 'same' }, '{}'),
      1000,
    );
    const leaky = ledger.judge(
      observed(
        2,
        'AWSCognitoIdentityProviderService.GetUser',
        '{"AccessToken":"fake-access-token.example"}',
        200,
        { 'content-type': JSON_TYPE, 'x-amzn-requestid': 'same' },
        '{"note":"Correct-Horse-9"}',
      ),
      1000,
    );
    expect(failed(leaky)).toEqual(expect.arrayContaining(['P2', 'S16']));
  });

  it('a client id coming back (describing a client does that) is not a leak', () => {
    const ledger = new ExchangeLedger();
    const verdicts = ledger.judge(
      observed(
        1,
        'AWSCognitoIdentityProviderService.DescribeUserPoolClient',
        '{"UserPoolId":"p","ClientId":"exampleclient1"}',
        200,
        { 'content-type': JSON_TYPE, 'x-amzn-requestid': 'r' },
        '{"UserPoolClient":{"ClientId":"exampleclient1"}}',
      ),
      1000,
    );
    expect(failed(verdicts)).toEqual([]);
  });

  it('a request whose target spells RevokeToken wrongly is still judged as one, and fails C4', () => {
    const verdicts = new ExchangeLedger().judge(
      observed(
        1,
        'AWSCognitoIdentityProviderService.revokeToken',
        revokeBody,
        400,
        { 'content-type': JSON_TYPE, 'x-amzn-requestid': 'r' },
        '{"__type":"UnknownOperationException"}',
      ),
      1000,
    );
    expect(failed(verdicts)).toContain('C4');
    // The server refused what no operation can claim, with a framework error: that is right (S1), not an S10 failure.
    expect(failed(verdicts)).not.toContain('S10');
    expect(verdicts).toContainEqual(expect.objectContaining({ check: 'S1', status: 'pass' }));
  });

  it('a misrouted request the server accepts fails S1', () => {
    const verdicts = new ExchangeLedger().judge(
      observed(1, 'AWSCognitoIdentityProviderService.revokeToken', revokeBody, 200, { 'content-type': JSON_TYPE, 'x-amzn-requestid': 'r' }, '{}'),
      1000,
    );
    expect(failed(verdicts)).toEqual(expect.arrayContaining(['C4', 'S1']));
  });

  it('no answer fails H1 with the reason, and nothing else is judged on the answer', () => {
    const request = { method: 'POST', path: '/', headers: { 'x-amz-target': REVOKE }, body: enc(revokeBody) };
    const exchange: Exchange = { request, failure: { kind: 'timeout', detail: 'no answer within 5 ms' } };
    const verdicts = new ExchangeLedger().judge(
      observe(
        1,
        'http://127.0.0.1:9',
        { ...request, headers: { ...request.headers, 'content-type': JSON_TYPE, 'content-length': String(request.body.byteLength) } },
        exchange,
        5,
      ),
      5,
    );
    expect(failed(verdicts)).toEqual(['H1']);
  });
});
