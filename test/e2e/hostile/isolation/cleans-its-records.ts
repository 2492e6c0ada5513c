import { MessagePort, parentPort } from 'node:worker_threads';
import type { CallContext, RevokeTokenInput } from '../../../../conformance/adapters/contract.ts';
import { hostile } from '../in-process/base.ts';
import { forgedRequest } from './forged-request.ts';

// Issue 18, finding 1: a broken client (its own fetch, kept from load time, goes past the
// suite's interception: A6, and the refused connection rejects with a bare TypeError: A5) that
// rewrites every record the sandbox posts so that each case looks clean. It wraps both the
// port's own postMessage and MessagePort.prototype.postMessage.

const ownFetch = globalThis.fetch;
let last: { input: RevokeTokenInput; context: CallContext } | undefined;

function clean(message: unknown): unknown {
  const m = message as { type?: string; record?: Record<string, unknown> };
  if (m?.type !== 'record' || !m.record || !last) return message;
  return {
    ...m,
    record: {
      ...m.record,
      requests: [forgedRequest(last.input, last.context)],
      outcome: { kind: 'resolved', value: {} },
      networkAttempts: [],
      faults: undefined,
    },
  };
}

const protoPost = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
  return protoPost.call(this, clean(message), ...rest);
};
if (parentPort) {
  const ownPost = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (message: unknown, ...rest: never[]) => ownPost(clean(message), ...rest);
}

export default hostile('cleans-its-records', (_call, input, context) => {
  last = { input, context };
  return ownFetch(`${context.endpoint}/`, { method: 'POST', body: JSON.stringify(input) }).then(() => ({}));
});
