import type { AdapterCapabilities } from '../adapters/contract.ts';
import type { Case } from '../fixtures/case.ts';
import type { CallSequence } from '../properties/call-sequence.ts';
import type { SequenceRecord } from '../run/execute-sequence.ts';
import type { ExecutionRecord } from '../run/run-case.ts';
import type { CapturedRequest } from '../wire/captured-request.ts';

// The messages between the harness and an adapter sandbox (a worker thread). Everything that
// crosses is plain data: the worker normalises what the adapter produced before sending it.
// The channel is sealed (decisions/0021): the harness's first message hands the worker a secret
// made for the run, which the worker keeps where the adapter's code cannot read it, and every
// message back carries it; the harness checks each one (conformance/sandbox/channel.ts), and
// one without the secret, or of the wrong shape, or for a case that is not running, fails the run.

/** What the worker is started with (workerData). */
export interface SandboxStart {
  /** --adapter as given: a built-in name or a path. */
  spec: string;
  cwd: string;
  caseTimeoutMs: number;
  region: string;
  /** --start-timeout: the real time the adapter's module and factory may each take; the worker's loader says which ran out. */
  startTimeoutMs?: number;
}

export type ToSandbox =
  /** The first message, before the adapter loads: the run's secret, never in workerData (which the adapter can read). */
  | { type: 'seal'; nonce: string }
  | { type: 'case'; seq: number; case: Case; caseTimeoutMs: number }
  /** A whole call sequence on the one adapter object (decisions/0016). */
  | { type: 'sequence'; seq: number; sequence: CallSequence; caseTimeoutMs: number }
  | { type: 'close' };

export type FromSandbox =
  /** The harness side of the worker is up; the adapter's module is being loaded now. */
  | { type: 'loading' }
  | { type: 'ready'; name: string; capabilities: AdapterCapabilities | undefined; outOfProcess: boolean }
  /** An ordinary load error (no default export, a throw at import, bad capabilities): a configuration error. */
  | { type: 'load-error'; message: string }
  /** The adapter broke the sandbox while loading (overwrote a global, left an unhandled error). */
  | { type: 'load-fault'; message: string }
  | { type: 'record'; seq: number; record: ExecutionRecord; poisoned: boolean }
  | { type: 'sequence-record'; seq: number; record: SequenceRecord; poisoned: boolean }
  | { type: 'closed'; problem?: string }
  /**
   * What the adapter wrote to process.stdout or process.stderr (console included), or to the
   * harness's own descriptors (direct-output-guard.ts): sent on this port rather than the
   * worker's stdio streams, so it arrives in order with the case's record and none is lost when
   * the worker is ended.
   */
  | { type: 'output'; stream: 1 | 2; text: string }
  /** The adapter called process.exit: the worker ends right after this message. */
  | { type: 'exit-called'; code: string }
  /**
   * A request the worker's fake service captured, sent as it arrives, before it is answered:
   * the harness judges these, not the requests a record lists. `seq` is the case the worker was
   * running; `late` when it came after that case's call had settled, or between cases.
   */
  | { type: 'request'; seq: number; request: CapturedRequest; late: boolean };

/** A message from the worker as it crosses: with the run's secret. */
export type SealedFromSandbox = FromSandbox & { nonce: string };
