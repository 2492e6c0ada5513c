import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.ts';
import type { OutgoingRequest } from './send-once.ts';
import { RequestBudgetExhausted, ServerWire } from './server-wire.ts';

const endpoint = new URL('http://127.0.0.1:9');
const request = (path: string): OutgoingRequest => ({ method: 'POST', path, headers: {}, body: new Uint8Array(0) });

/** A fake transport that records the order of requests and how many were in flight at once. */
function recordingTransport(delays: readonly number[]) {
  const started: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const send = async (_endpoint: URL, outgoing: OutgoingRequest): Promise<Exchange> => {
    started.push(outgoing.path);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delays[started.length - 1] ?? 0));
    inFlight -= 1;
    if (outgoing.path === '/fails') throw new Error('transport failure');
    const sent = { method: outgoing.method, path: outgoing.path, headers: outgoing.headers, body: outgoing.body };
    return { request: sent, failure: { kind: 'connection', detail: 'not a real server' } };
  };
  return { send, started, mostInFlight: () => mostInFlight };
}

describe('ServerWire', () => {
  it('sends one request at a time, in the order asked, whatever each takes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), async (delays) => {
        const transport = recordingTransport(delays);
        const wire = new ServerWire({ endpoint, maxRequests: 100, ratePerSecond: 1e6, timeoutMs: 1000, send: transport.send });
        const paths = delays.map((_, index) => `/${index}`);
        await Promise.all(paths.map((path) => wire.send(request(path))));
        expect(transport.started).toEqual(paths);
        expect(transport.mostInFlight()).toBe(1);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses requests beyond the budget without sending them', async () => {
    const transport = recordingTransport([]);
    const wire = new ServerWire({ endpoint, maxRequests: 2, ratePerSecond: 1e6, timeoutMs: 1000, send: transport.send });
    await wire.send(request('/a'));
    await wire.send(request('/b'));
    expect(wire.exhausted).toBe(false);
    await expect(wire.send(request('/c'))).rejects.toBeInstanceOf(RequestBudgetExhausted);
    await expect(wire.send(request('/d'))).rejects.toThrow(/budget of 2 requests is spent/);
    expect(transport.started).toEqual(['/a', '/b']);
    expect(wire.sent).toBe(2);
    expect(wire.exhausted).toBe(true);
  });

  it('keeps going after one request fails', async () => {
    const transport = recordingTransport([]);
    const wire = new ServerWire({ endpoint, maxRequests: 5, ratePerSecond: 1e6, timeoutMs: 1000, send: transport.send });
    const results = await Promise.allSettled([wire.send(request('/fails')), wire.send(request('/next'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('refuses nonsensical limits', () => {
    expect(() => new ServerWire({ endpoint, maxRequests: 0, ratePerSecond: 1, timeoutMs: 1 })).toThrow(RangeError);
    expect(() => new ServerWire({ endpoint, maxRequests: 1, ratePerSecond: 0, timeoutMs: 1 })).toThrow(RangeError);
    expect(() => new ServerWire({ endpoint, maxRequests: 1, ratePerSecond: 1, timeoutMs: 0.5 })).toThrow(RangeError);
  });

  it('logs every exchange with its operation, what the run knew when it went out, and whether its request id came before', async () => {
    const ids = ['one', 'two', 'one'];
    let n = 0;
    const send = async (_endpoint: URL, outgoing: OutgoingRequest): Promise<Exchange> => {
      const text = '{}';
      const response = { status: 200, headers: { 'x-amzn-requestid': ids[n++]! }, body: new TextEncoder().encode(text), text, truncated: false };
      return { request: { ...outgoing }, response };
    };
    const wire = new ServerWire({ endpoint, maxRequests: 10, ratePerSecond: 1000, timeoutMs: 100, send });
    const target = (operation: string): OutgoingRequest => ({ ...request('/'), headers: { 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` } });
    wire.currentCase = 'first';
    await wire.send(target('InitiateAuth'));
    wire.remember('a-token-the-run-learnt', undefined, '');
    await wire.send(target('GetUser'));
    wire.currentCase = 'second';
    await wire.send(request('/'));
    expect(wire.log.map((e) => [e.caseId, e.operation, e.knownBefore, e.repeatedRequestId])).toEqual([
      ['first', 'InitiateAuth', [], false],
      ['first', 'GetUser', ['a-token-the-run-learnt'], false],
      ['second', '(no target)', ['a-token-the-run-learnt'], true],
    ]);
  });
});
