import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../../conformance/cli/serve.ts';
import { loadFixtures } from '../../conformance/fixtures/load.ts';

async function served(filters: string[], send: (endpoint: string) => Promise<Response>) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += String(chunk)));
  const stop = new AbortController();
  const running = serveFixture(await loadFixtures(), filters, { region: 'us-east-1', redact: true, out, signal: stop.signal });
  while (!/serving fixture .* at (\S+)/.test(text)) await new Promise((r) => setTimeout(r, 10));
  const endpoint = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
  const response = await send(endpoint);
  stop.abort();
  await running;
  return { text, response };
}

const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' };

describe('--serve answers with one fixture and judges each request by hand', () => {
  it('answers a correct request with the fixture and says the request rules pass', async () => {
    const body = JSON.stringify({ Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' });
    const { text, response } = await served(['RevokeTokenForbiddenExceptionAsObserved'], (endpoint) =>
      fetch(`${endpoint}/`, { method: 'POST', headers, body }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ __type: 'ForbiddenException' });
    expect(text).toMatch(/POST \/ -> 403: request rules pass/);
  });

  it('names the broken rules of a wrong request, with values redacted', async () => {
    const body = JSON.stringify({ Token: 'fake-refresh-token.example-1', clientId: 'exampleclient1' });
    const { text } = await served([], (endpoint) =>
      fetch(`${endpoint}/`, { method: 'POST', headers: { ...headers, 'x-amz-target': 'Cognito.RevokeToken' }, body }),
    );
    expect(text).toMatch(/serving fixture RevokeTokenSuccessEmptyObject/);
    expect(text).toMatch(/C4 \[must\]/);
    expect(text).toMatch(/C8 \[must\]/);
    // The fixture's public fake values are shown so the user knows what to send; what the
    // client sent back is redacted in every verdict.
    expect(text).toMatch(/judged against params \{"Token":"fake-refresh-token.example-1"/);
    const verdicts = text.slice(text.indexOf('POST /'));
    expect(verdicts).toMatch(/\[redacted\]/);
    expect(verdicts).not.toContain('fake-refresh-token.example-1');
    expect(verdicts).not.toContain('exampleclient1');
  });

  it('hints where two values differ when redaction shows [redacted] on both sides', async () => {
    // The right member, a wrong token: the difference is inside a redacted value.
    const body = JSON.stringify({ Token: 'fake-refresh-token.exXmple-1', ClientId: 'exampleclient1' });
    const { text } = await served([], (endpoint) => fetch(`${endpoint}/`, { method: 'POST', headers, body }));
    expect(text).toMatch(
      /C8 \[must\][^\n]*\n {4}expected: Token: "\[redacted\]"\n {4}actual: {3}Token: "\[redacted\]"\n {4}hint: {5}Token: the values differ at character 22; run with --no-redact to see them/,
    );
    expect(text.slice(text.indexOf('POST /'))).not.toContain('exXmple');
  });

  it('refuses a filter that selects more than one fixture', async () => {
    await expect(serveFixture(await loadFixtures(), ['C20'], { region: 'us-east-1', redact: true, out: new PassThrough() })).rejects.toThrow(
      /--serve answers with one fixture/,
    );
  });
});

describe('--serve lets one request pick another fixture, without a restart', () => {
  it('answers a request with the fixture its Prefer header names, and the next one with the default again', async () => {
    const body = JSON.stringify({ Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' });
    let second: Response | undefined;
    const { text, response } = await served([], async (endpoint) => {
      const first = await fetch(`${endpoint}/`, { method: 'POST', headers: { ...headers, prefer: 'fixture=RevokeTokenForbiddenExceptionAsObserved' }, body });
      second = await fetch(`${endpoint}/`, { method: 'POST', headers, body });
      return first;
    });
    expect(response.status).toBe(403);
    expect(second!.status).toBe(200);
    expect(text).toMatch(/Prefer: fixture=<id>/);
    expect(text).toMatch(/POST \/ -> 403 \(fixture RevokeTokenForbiddenExceptionAsObserved, by Prefer header\): request rules pass/);
    expect(text).toMatch(/POST \/ -> 200: request rules pass/);
  });

  it('answers a request under /fixtures/<id>/ with that fixture and judges the path below it', async () => {
    const body = JSON.stringify({ Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' });
    const { text, response } = await served([], (endpoint) =>
      fetch(`${endpoint}/fixtures/RevokeTokenForbiddenExceptionAsObserved/`, { method: 'POST', headers, body }),
    );
    expect(response.status).toBe(403);
    expect(text).toMatch(/-> 403 \(fixture RevokeTokenForbiddenExceptionAsObserved, by path\): request rules pass/);
  });

  it('answers an unknown id with 404 naming the close matches', async () => {
    const { response } = await served([], (endpoint) =>
      fetch(`${endpoint}/`, { method: 'POST', headers: { ...headers, prefer: 'fixture=RevokeTokenForbidenExceptionAsObserved' }, body: '{}' }),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).message).toMatch(/did you mean RevokeTokenForbiddenExceptionAsObserved/);
  });
});
