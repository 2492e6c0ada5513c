import { describe, expect, it } from 'vitest';
import { openSandboxMessage } from './channel.ts';

const NONCE = 'the-runs-secret-0123456789abcdef';
const request = {
  method: 'POST',
  url: 'https://cognito-idp.us-east-1.amazonaws.com/',
  headers: { 'x-amz-target': 'x' },
  body: '{}',
  bodyBytes: 2,
  transport: 'intercepted',
};
const record = { requests: [request], outcome: { kind: 'resolved', value: {} } };

describe('the sealed channel', () => {
  it('lets through each message type sealed with the run’s secret and of the protocol’s shape, without the secret', () => {
    for (const message of [
      { type: 'loading' },
      { type: 'ready', name: 'x', capabilities: undefined, outOfProcess: false },
      { type: 'record', seq: 3, record, poisoned: false },
      { type: 'sequence-record', seq: 4, record: { calls: [{ requests: [request] }, undefined], unattributed: [], misrouted: [] }, poisoned: false },
      { type: 'request', seq: 3, request, late: true },
      { type: 'output', stream: 2, text: 'hello' },
      { type: 'exit-called', code: '0' },
      { type: 'closed' },
    ]) {
      const opened = openSandboxMessage({ ...message, nonce: NONCE }, NONCE);
      expect(opened, message.type).toEqual({ kind: 'message', message });
    }
  });

  it('refuses a message without the secret, with another secret, or with a secret of another length: a breach naming its type', () => {
    for (const nonce of [undefined, '', 'the-runs-secret-0123456789abcdeF', 'the-runs-secret', 42]) {
      const opened = openSandboxMessage({ type: 'record', seq: 1, record, poisoned: false, nonce }, NONCE);
      expect(opened).toEqual({ kind: 'breach', breach: expect.stringMatching(/^a 'record' message .*without the run's secret/) });
    }
    expect(openSandboxMessage('record', NONCE)).toEqual({ kind: 'breach', breach: expect.stringMatching(/^a message of no known type .*without/) });
  });

  it('refuses a sealed message of an unknown type or of the wrong shape, and quotes none of it', () => {
    const secret = 'Token-aaaaaaaaaaaaaaaa';
    const wrong = [
      { type: 'verdict', pass: true },
      { type: 'record', seq: 0, record, poisoned: false },
      { type: 'record', seq: 1, record: { requests: [{ ...request, body: 7 }], outcome: { kind: 'resolved' } }, poisoned: false },
      { type: 'record', seq: 1, record: { requests: [], outcome: { kind: 'passed' } }, poisoned: false },
      { type: 'record', seq: 1, record: { requests: [], outcome: { kind: 'resolved' }, faults: [{ secret }] }, poisoned: false },
      { type: 'request', seq: 2, request: { ...request, transport: 'carrier-pigeon' }, late: false },
      { type: 'output', stream: 1, text: { secret } },
      { type: 'sequence-record', seq: 1, record: { calls: [{ requests: 'all of them' }], unattributed: [], misrouted: [] }, poisoned: false },
    ];
    for (const message of wrong) {
      const opened = openSandboxMessage({ ...message, nonce: NONCE }, NONCE);
      expect(opened.kind, JSON.stringify(message)).toBe('breach');
      expect(JSON.stringify(opened)).not.toContain(secret);
    }
  });
});
