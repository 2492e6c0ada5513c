import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ShownRequest } from '../run/captured-exchange.ts';
import { curlLine, failureCurlLine, shellWord } from './curl-line.ts';

const request = (over: Partial<ShownRequest> = {}): ShownRequest => ({
  method: 'POST',
  path: '/',
  headers: { host: 'cognito-idp.us-east-1.amazonaws.com', 'content-length': '40', 'content-type': 'application/x-amz-json-1.1' },
  body: '{\n  "Token": "[redacted]"\n}',
  bodyBytes: 40,
  ...over,
});

/** What bash makes of one word: printf writes it back between markers. */
function bashReads(word: string): string {
  const result = spawnSync('bash', ['-c', `printf '<%s>' ${word}`], { encoding: 'utf8' });
  return result.stdout;
}

describe('shellWord', () => {
  it.each([
    ['plain', 'AWSCognitoIdentityProviderService.RevokeToken'],
    ['quotes and shell syntax', `it's $HOME \`id\` "x" \\ ; | & > *`],
    ['control characters', 'a\nb\tc\u001b[31m\u007f\u0085d'],
    ['non-ASCII', 'tökén ✓ 😀'],
  ])('gives bash back exactly the text: %s', (_name, text) => {
    const word = shellWord(text);
    expect(word).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(bashReads(word)).toBe(`<${text}>`);
  });
});

describe('curlLine', () => {
  it('sends the method, the path to $ENDPOINT, the headers curl does not write itself, and the body on one line', () => {
    const line = curlLine(request({ path: '/v1/' }));
    expect(line).toBe(`curl -sS -X POST "\${ENDPOINT%/}"'/v1/' -H 'content-type: application/x-amz-json-1.1' --data-binary '{"Token":"[redacted]"}'`);
    expect(line).not.toMatch(/host:|content-length:/i);
  });

  it('says when the body it sends was cut for the report', () => {
    expect(curlLine(request({ body: 'x'.repeat(10), bodyBytes: 9000, bodyCut: true }))).toMatch(/ # the body is cut: the client sent 9000 bytes$/);
  });

  it("is the last captured request's, and absent without one", () => {
    const first = { label: 'request 1 of 2', request: request({ path: '/first' }) };
    const last = { label: 'request 2 of 2', request: request({ path: '/last' }) };
    expect(failureCurlLine({ shown: [first, last], total: 2 })).toContain(`'/last'`);
    expect(failureCurlLine(undefined)).toBeUndefined();
    expect(failureCurlLine({ shown: [], total: 0 })).toBeUndefined();
  });
});
