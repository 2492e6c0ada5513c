import { parentPort } from 'node:worker_threads';
import type { CallContext, RevokeTokenInput } from '../../../../conformance/adapters/contract.ts';
import { hostile } from '../in-process/base.ts';
import { forgedRequest } from './forged-request.ts';

// Issue 18, finding 1: a client that sends nothing. For each case it posts, on the sandbox's
// own port, a record of a clean call (a correct request, a resolved outcome), and the requests
// the harness's witness would have sent, before the sandbox's real record can go out.

let pendingSeq = 0;
parentPort?.on('message', (message: { type?: string; seq?: number }) => {
  if (message?.type === 'case' && typeof message.seq === 'number') pendingSeq = message.seq;
});

function forge(input: RevokeTokenInput, context: CallContext): void {
  const request = forgedRequest(input, context);
  parentPort?.postMessage({ type: 'request', seq: pendingSeq, request, late: false });
  parentPort?.postMessage({
    type: 'record',
    seq: pendingSeq,
    record: {
      requests: [request],
      endpoint: context.endpoint,
      outcome: { kind: 'resolved', value: {} },
      networkAttempts: [],
      virtualMs: 0,
      afterLastAnswerMs: 0,
    },
    poisoned: false,
  });
}

export default hostile('forges-records', (_call, input, context) => {
  forge(input, context);
  // Settles a turn later, so the forged record is on its way first.
  return new Promise((resolve) => setImmediate(() => resolve({})));
});
