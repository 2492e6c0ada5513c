import { describe, expect, it } from 'vitest';
import { REDACTED, SensitiveValues } from '../redaction/redact.ts';
import { BODY_CAP, clientExchanges, ExchangeRedactor, keepExchanges, type RawExchange } from './captured-exchange.ts';

const TOKEN = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.secret-token';
const SHORT_CLIENT_ID = 'ab';

const raw = (body: string, label = 'request 1 of 1'): RawExchange => ({
  label,
  request: { method: 'POST', path: '/', headers: { 'x-echo': SHORT_CLIENT_ID, 'content-type': 'application/x-amz-json-1.1' }, body, bodyBytes: body.length },
  response: { status: 400, headers: {}, body: JSON.stringify({ message: `bad token ${TOKEN}` }) },
});

const redactor = (enabled = true) => new ExchangeRedactor({ enabled, values: [TOKEN, SHORT_CLIENT_ID] });

describe('captured exchanges', () => {
  it('replaces sensitive JSON members whatever they hold, under any letter case, walking the parsed body', () => {
    const body = JSON.stringify({ Token: 'not-a-known-value', clientId: { nested: 'x' }, Other: { CLIENTSECRET: 'y' }, __proto__x: 1 });
    const shown = redactor().exchange(raw(body));
    expect(JSON.parse(shown.request.body)).toEqual({ Token: REDACTED, clientId: REDACTED, Other: { CLIENTSECRET: REDACTED }, __proto__x: 1 });
  });

  it('keeps a member named __proto__ as a member, not a prototype', () => {
    const shown = redactor().exchange(raw('{"__proto__": {"Token": "t"}, "a": 1}'));
    expect(JSON.parse(shown.request.body)).toEqual(JSON.parse('{"__proto__": {"Token": "[redacted]"}, "a": 1}'));
  });

  it('removes known values from text: a body that is not JSON, a response message, a short header value, a URL-encoded path', () => {
    const shown = redactor().exchange({
      ...raw(`Token=${encodeURIComponent(TOKEN)}&ClientId=${SHORT_CLIENT_ID}`),
      request: { method: 'POST', path: `/?t=${encodeURIComponent(TOKEN)}`, headers: { 'x-echo': SHORT_CLIENT_ID }, body: `token ${TOKEN}`, bodyBytes: 1 },
    });
    const text = JSON.stringify(shown);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
    expect(shown.request.headers['x-echo']).toBe(REDACTED);
    expect(shown.response?.body).toContain(`bad token ${REDACTED}`);
  });

  it('redacts a value holding a lone surrogate (which has no percent-encoding) instead of crashing', () => {
    const secret = 'tok\ud800en-value';
    const redactor = new ExchangeRedactor({ enabled: true, values: [secret] });
    expect(redactor.text(`sent ${secret} here`)).not.toContain(secret);
  });

  it('shows everything with redaction off (so the tests above can fail)', () => {
    const shown = redactor(false).exchange(raw(JSON.stringify({ Token: TOKEN })));
    expect(shown.request.body).toContain(TOKEN);
    expect(shown.request.headers['x-echo']).toBe(SHORT_CLIENT_ID);
  });

  it('uses a shared set of values without adding to it', () => {
    const shared = new SensitiveValues();
    shared.add('run-wide-secret-value');
    const shown = new ExchangeRedactor({ enabled: true, sensitive: shared, values: [TOKEN] }).exchange(raw('run-wide-secret-value and more'));
    expect(shown.request.body).toBe(`${REDACTED} and more`);
    expect(shared.redact(TOKEN)).toBe(TOKEN);
  });

  it('cuts long bodies after redaction and survives a body nested far deeper than the stack', () => {
    const long = redactor().exchange(raw(`${TOKEN} ${'x'.repeat(BODY_CAP * 2)}`));
    expect(long.request.body.startsWith(REDACTED)).toBe(true);
    expect(long.request.body.length).toBeLessThanOrEqual(BODY_CAP + 1);
    expect(long.request.bodyCut).toBe(true);
    const deep = redactor().exchange(raw(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(deep.request.body.length).toBeLessThanOrEqual(BODY_CAP + 1);
  });

  it('keeps the first and the last of many exchanges, and says how many there were', () => {
    const many = [1, 2, 3, 4, 5].map((n) => raw('{}', `request ${n} of 5`));
    const kept = keepExchanges(many, redactor());
    expect(kept?.total).toBe(5);
    expect(kept?.shown.map((e) => e.label)).toEqual(['request 1 of 5', 'request 5 of 5']);
    expect(keepExchanges([], redactor())).toBeUndefined();
  });

  it("answers the client suite's requests with the case's response, or with none for a hang", () => {
    const request = {
      method: 'POST',
      url: 'https://cognito-idp.us-east-1.amazonaws.com/?a=1',
      headers: {},
      body: '{}',
      bodyBytes: 2,
      transport: 'intercepted' as const,
    };
    expect(clientExchanges([request], { code: 200, body: '{}' })[0]).toMatchObject({
      request: { path: '/?a=1' },
      response: { status: 200, headers: {}, body: '{}' },
    });
    expect(clientExchanges([request], 'hang')[0]).toMatchObject({ noResponse: expect.stringContaining('never answered') });
  });
});
