import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../fixtures/case.ts';
import { WAITS_ON_NOTHING } from '../run/clock.ts';
import { Sandbox } from './sandbox.ts';

// The sandbox ends a call that waits on nothing as soon as it is sure, not after the real
// budget; a call that waits on something real (a timer, thread-pool work, immediates) keeps its budget.

const ADAPTER = fileURLToPath(new URL('./test-fixtures/waits-on.ts', import.meta.url));
// Long enough that a call cut by the budget is not mistaken for one found waiting on nothing.
const BUDGET_MS = 10_000;

let sandbox: Sandbox;
beforeAll(async () => {
  const started = await Sandbox.start({ spec: ADAPTER, caseTimeoutMs: BUDGET_MS, region: 'us-east-1' });
  if (started.kind !== 'ready') throw new Error(`the sandbox did not start: ${JSON.stringify(started)}`);
  sandbox = started.sandbox;
}, 30_000);
afterAll(async () => {
  await sandbox?.close();
});

function waitingOn(what: string): Case {
  return {
    id: `waits-on-${what}`,
    level: 'must',
    tags: [],
    params: { Token: what, ClientId: 'client' },
    response: { status: 200, body: {} },
    expect: { outcome: 'success' },
    origin: { kind: 'fixture', file: 'idle-probe.test.ts' },
  } as unknown as Case;
}

describe('a call in the sandbox', () => {
  it('that waits on nothing is reported unsettled at once, saying so', async () => {
    const { outcome } = await sandbox.execute(waitingOn('nothing'), { caseTimeoutMs: BUDGET_MS });
    expect(outcome).toMatchObject({ kind: 'unsettled', detail: WAITS_ON_NOTHING });
  });

  it.each(['real-timer', 'thread-pool-job', 'thread-pool-digest', 'immediate-chain'])(
    'that waits on something real (%s) is not cut: it settles',
    async (what) => {
      const { outcome } = await sandbox.execute(waitingOn(what), { caseTimeoutMs: BUDGET_MS });
      expect(outcome.kind).toBe('resolved');
    },
  );

  it('that sleeps in fake-timer back-off still has the clock jumped for it', async () => {
    const record = await sandbox.execute(waitingOn('back-off'), { caseTimeoutMs: BUDGET_MS });
    expect(record.outcome.kind).toBe('resolved');
    expect(record.virtualMs).toBeGreaterThanOrEqual(5_000);
  });

  it('that waits on nothing after a real wait is still found out', async () => {
    // The sandbox is the same worker: the earlier calls left nothing that counts against the probe.
    const { outcome } = await sandbox.execute(waitingOn('nothing'), { caseTimeoutMs: BUDGET_MS });
    expect(outcome).toMatchObject({ kind: 'unsettled', detail: WAITS_ON_NOTHING });
  });
});
