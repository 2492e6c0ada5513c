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
