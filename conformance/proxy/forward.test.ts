import { describe, expect, it } from 'vitest';
import type { Exchange } from '../server/wire/exchange.ts';
import { answerFor, offLoopbackRedirect } from './forward.ts';

const upstream = { url: new URL('http://127.0.0.1:9229'), address: '127.0.0.1' };
const request = { method: 'POST', path: '/', headers: {}, body: new Uint8Array() };
const redirect = (location: string): Exchange => ({
  request,
  response: { status: 302, headers: { location }, body: new Uint8Array(), text: '', truncated: false },
});

describe('what the proxy relays', () => {
  it.each([
    ['http://192.0.2.10/', '192.0.2.10'],
    ['https://cognito-idp.us-east-1.amazonaws.com/', 'cognito-idp.us-east-1.amazonaws.com'],
    ['//example.com/x', 'example.com'],
  ])('a redirect to %s leaves this machine: refused', (location, host) => {
    expect(offLoopbackRedirect(redirect(location), upstream)).toBe(host);
    expect(answerFor(redirect(location), upstream, false)).toMatchObject({ status: 502 });
  });

  it.each(['/elsewhere', 'http://127.0.0.5:1/', 'http://localhost:9/', 'http://[::1]:9/'])(
    'a redirect to %s stays on this machine: relayed as sent',
    (location) => {
      expect(offLoopbackRedirect(redirect(location), upstream)).toBeUndefined();
      expect(answerFor(redirect(location), upstream, false)).toMatchObject({ status: 302, headers: { location } });
    },
  );

  it('with --allow-remote the redirect is relayed, still not followed', () => {
    expect(answerFor(redirect('http://192.0.2.10/'), upstream, true)).toMatchObject({ status: 302 });
  });

  it('an answer cut at the cap is not relayed, nor is a missing one', () => {
    const cut: Exchange = { request, response: { status: 200, headers: {}, body: new Uint8Array(4), text: '{}{}', truncated: true } };
    expect(answerFor(cut, upstream, false)).toMatchObject({ status: 502 });
    expect(answerFor({ request, failure: { kind: 'timeout', detail: 'no answer within 1 ms' } }, upstream, false)).toMatchObject({ status: 504 });
    expect(answerFor({ request, failure: { kind: 'connection', detail: 'connection refused' } }, upstream, false)).toMatchObject({ status: 502 });
  });
});
