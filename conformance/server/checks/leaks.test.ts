import { describe, expect, it } from 'vitest';
import { p1NoEcho, s13NoInternals } from './leaks.ts';
import { answer, observe, verdictOf } from './test-support.ts';

describe("S13: nothing of the server's insides", () => {
  it('fails an HTML page, a stack trace and a file path, and passes a plain message', () => {
    const status = (body: string, headers: Record<string, string> = {}) => verdictOf(s13NoInternals, observe(answer({ status: 500, headers, body })))?.status;
    expect(status('<!DOCTYPE html><html><body>Error</body></html>', { 'content-type': 'text/html' })).toBe('fail');
    expect(status(JSON.stringify({ __type: 'InternalErrorException', message: 'TypeError: x\n    at run (/srv/app/dist/index.js:10:5)' }))).toBe('fail');
    expect(status(JSON.stringify({ __type: 'InternalErrorException', message: 'see /home/deploy/app/config.yml' }))).toBe('fail');
    expect(status(JSON.stringify({ __type: 'InternalErrorException', message: 'Requests must be sent to the root path /.' }))).toBe('pass');
  });
});

describe('P1: no sensitive value comes back', () => {
  const secret = 'aSecretValue1234567890abcd';
  it('fails an echo in the body or a header, without printing the value', () => {
    const inBody = verdictOf(
      p1NoEcho,
      observe(answer({ status: 401, body: { __type: 'UnauthorizedException', message: `bad ${secret}` } }), { sensitive: [secret] }),
    );
    expect(inBody?.status).toBe('fail');
    expect(JSON.stringify(inBody)).not.toContain(secret);
    const inHeader = verdictOf(
      p1NoEcho,
      observe(answer({ status: 401, headers: { 'x-amzn-errormessage': secret }, body: { __type: 'UnauthorizedException' } }), { sensitive: [secret] }),
    );
    expect(inHeader?.actual).toContain('x-amzn-errormessage');
  });

  it('is not judged on values too short to tell apart from ordinary text', () => {
    expect(
      verdictOf(p1NoEcho, observe(answer({ status: 400, body: { __type: 'InvalidParameterException', message: 'a' } }), { sensitive: ['a'] })),
    ).toBeUndefined();
  });
});
