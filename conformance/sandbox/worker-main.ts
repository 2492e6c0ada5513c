import { parentPort, workerData } from 'node:worker_threads';
import { setupServer } from 'msw/node';
import type { Adapter } from '../adapters/contract.ts';
import { AdapterLoadError, isOutOfProcess, loadAdapter } from '../adapters/load.ts';
import { placeEndpoint, plainEndpoint } from '../model/endpoints.ts';
import { executeSequence, type SequenceRecord } from '../run/execute-sequence.ts';
import { describeValue } from '../run/outcome.ts';
import { type ExecutionRecord, executeCase } from '../run/run-case.ts';
import { FakeService } from '../wire/fake-service.ts';
import { installDirectOutputGuard } from './direct-output-guard.ts';
import { type IdleProbe, idleProbe } from './idle-probe.ts';
import type { NetworkGuard } from './network-guard.ts';
import type { FromSandbox, SandboxStart, ToSandbox } from './protocol.ts';
import { installReachGuard } from './reach-guard.ts';
import { trackThreadPoolWork } from './thread-pool-work.ts';

// The harness side of an adapter sandbox: msw interception, the fake service and the fake
// clock live here with the adapter, and each case comes back as a plain ExecutionRecord.

const port = parentPort!;
// Bound now, before the adapter loads: a later replacement of MessagePort.prototype.postMessage
// (or of port.postMessage) never sees what the harness's side sends.
const post = port.postMessage.bind(port);
// The run's secret (decisions/0021), set by the harness's first message. It lives only in this
// module's scope: the adapter can import this module but not read a binding it does not export.
let nonce = '';
const send = (message: FromSandbox) => post({ ...message, nonce });
/** The case or sequence the worker is running (or ran last): the requests it captures are sent under it. */
let currentSeq = 0;
const realSetImmediate = globalThis.setImmediate;
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/** Contract breaches noticed outside the call's own outcome, drained by the case they belong to. */
const faults: string[] = [];
let poisoned = false;

function watchProcess(): void {
  // The v3 SDK's Node-version notice says nothing about the client under test (as in the CLI).
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (!warning.message.startsWith('NodeVersionSupportWarning')) process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
  process.on('unhandledRejection', (reason) => {
    faults.push(`left an unhandled rejection: ${describeError(reason)}`);
  });
  process.on('uncaughtException', (error) => {
    faults.push(`threw an uncaught exception: ${describeError(error)}`);
    // Whatever threw may have left the worker half-way through something: start afresh.
    poisoned = true;
  });
  // process.exit in a worker ends only the worker; say so first, so the verdict can name it.
  const realExit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    send({ type: 'exit-called', code: String(code ?? process.exitCode ?? 0) });
    return realExit(code as number);
  }) as typeof process.exit;
  // Signals would reach the harness's own process: refuse them. The pid is compared as Node
  // reads it (a string "1234" is that process too), and a group (0 or below: the harness's own
  // group, or every process) is never the adapter's to signal from here. process._kill is the
  // raw form process.kill ends in.
  const toHarness = (pid: unknown) => {
    const number = Number(pid);
    return Number.isInteger(number) && (number <= 0 || number === process.pid || number === process.ppid);
  };
  const refuseSignal = (real: (pid: number, signal?: string | number) => unknown) =>
    ((pid: number, signal?: string | number) => {
      if (toHarness(pid)) {
        faults.push(`sent a signal (${String(signal ?? 'SIGTERM').slice(0, 20)}) to the harness's process or its group`);
        return true;
      }
      return real(pid, signal);
    }) as typeof process.kill;
  const raw = process as unknown as { _kill?: (pid: number, signal?: string | number) => unknown };
  if (typeof raw._kill === 'function') raw._kill = refuseSignal(raw._kill.bind(process));
  process.kill = refuseSignal(process.kill.bind(process));
}

/**
 * process.stdout and process.stderr (and so console) write to the harness's port instead of the
 * worker's stdio streams: a worker's stdio can hold back what a call wrote until the worker is
 * ended, and then lose it (seen with several cases in one worker), while the port delivers it
 * in order, before the case's record.
 */
function routeStdio(output: (stream: 1 | 2, text: string) => void): void {
  for (const [stream, target] of [
    [1, process.stdout],
    [2, process.stderr],
  ] as const) {
    const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const charset = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
      output(
        stream,
        typeof chunk === 'string'
          ? chunk
          : ArrayBuffer.isView(chunk)
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(charset)
            : String(chunk),
      );
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    };
    Object.defineProperty(target, 'write', { value: write, writable: true, configurable: true });
  }
}

function describeError(value: unknown): string {
  try {
    if (value instanceof Error) return `${String(value.name)}: ${String(value.message).slice(0, 300)}`;
  } catch {
    // A Proxy or a throwing getter: fall through to the plain description.
  }
  return describeValue(value);
}

/** Real intervals the adapter starts during a call; one still running after it settles is a leak. */
function watchIntervals(): { leaked(): string[] } {
  const realSetInterval = globalThis.setInterval;
  const realClearInterval = globalThis.clearInterval;
  const live = new Map<unknown, number>();
  globalThis.setInterval = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
    const handle = realSetInterval(handler, ms, ...rest);
    live.set(handle, ms ?? 0);
    return handle;
  }) as typeof setInterval;
  globalThis.clearInterval = ((handle: Parameters<typeof clearInterval>[0]) => {
    live.delete(handle);
    realClearInterval(handle);
  }) as typeof clearInterval;
  return {
    leaked() {
      const found = [...live.entries()].map(([handle, ms]) => {
        realClearInterval(handle as Parameters<typeof clearInterval>[0]);
        return `left a real setInterval running (every ${ms} ms)`;
      });
      live.clear();
      return found;
    },
  };
}

/** The globals the harness's own code in this worker relies on: an adapter may not replace them. */
const GUARDED_GLOBALS = [
  'Response',
  'Request',
  'Headers',
  'fetch',
  'URL',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'DOMException',
  'Promise',
  'JSON',
  'setTimeout',
  'clearTimeout',
  'setImmediate',
  'setInterval',
  'clearInterval',
  'structuredClone',
  'ReadableStream',
] as const;

function snapshotGlobals(): { restore(): string[] } {
  const saved = new Map<string, unknown>(GUARDED_GLOBALS.map((name) => [name, (globalThis as Record<string, unknown>)[name]]));
  return {
    restore() {
      const changed: string[] = [];
      for (const [name, value] of saved) {
        let current: unknown;
        try {
          current = (globalThis as Record<string, unknown>)[name];
        } catch {
          current = undefined;
        }
        if (current === value) continue;
        changed.push(`overwrote globalThis.${name}`);
        try {
          Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
        } catch {
          // A non-configurable replacement cannot be undone: this worker is spent.
          poisoned = true;
        }
      }
      return changed;
    },
  };
}

/**
 * What this worker holds of its own once idle, before the adapter loads: its port to the harness,
 * listened on as it is while cases run. A call may only be found waiting on nothing above that.
 */
async function measureIdleBaseline(): Promise<IdleProbe> {
  const listening = () => {};
  port.on('message', listening);
  // A couple of turns, so what starting the worker left in flight has finished.
  await nextTurn();
  await nextTurn();
  const probe = idleProbe();
  port.off('message', listening);
  return probe;
}

/** What the reach guard refused during a call, as faults of the case (rule A5). */
function refusedReach(refused: string[]): string[] {
  return refused.map((what) => `${what}, which the sandbox refuses (decisions/0021)`);
}

/** The harness's first message: the run's secret, before anything of the adapter's runs. */
function awaitSeal(): Promise<string> {
  return new Promise((resolve) => {
    port.once('message', (message: ToSandbox) => resolve(message.type === 'seal' ? message.nonce : ''));
  });
}

export async function runSandboxWorker(guard: NetworkGuard): Promise<void> {
  const start = workerData as SandboxStart;
  nonce = await awaitSeal();
  const idle = await measureIdleBaseline();
  watchProcess();
  const output = (stream: 1 | 2, text: string) => send({ type: 'output', stream, text });
  routeStdio(output);
  // Before the adapter loads, so that no copy of the real fs functions it keeps gets past.
  const directOutput = installDirectOutputGuard(output);
  const intervals = watchIntervals();
  const service = new FakeService('intercepted');
  // Each request goes to the harness as it is captured, before it is answered: what is judged is
  // what the harness saw, whatever a record later says.
  service.witnessEach((request, late) => {
    if (currentSeq > 0) send({ type: 'request', seq: currentSeq, request, late });
  });
  const globalsBeforeLoad = snapshotGlobals();
  // Last before the adapter: the harness's own modules are loaded by now. While the module loads
  // a child process may start: a module that builds a process client (which the harness then
  // runs in its own thread) starts it there. An in-process adapter that did fails the load below.
  let loading = true;
  const reach = installReachGuard({ childProcessesAllowed: () => loading });
  // Thread-pool jobs are real work Node does not list: a call waiting on one is not stuck.
  const work = trackThreadPoolWork();
  const waitsOnNothing = () => work.pending() === 0 && idle.waitsOnNothing();

  send({ type: 'loading' });
  let adapter: Adapter;
  // The loader's --start-timeout timer does not keep a thread alive: without this, a module
  // that never settles would end the worker before the loader could name what timed out.
  const keepAlive = start.startTimeoutMs !== undefined ? setTimeout(() => {}, 2 * start.startTimeoutMs + 1_000) : undefined;
  try {
    ({ adapter } = await loadAdapter(
      start.spec,
      { caseTimeoutMs: start.caseTimeoutMs, region: start.region, ...(start.startTimeoutMs !== undefined ? { startTimeoutMs: start.startTimeoutMs } : {}) },
      start.cwd,
    ));
  } catch (error) {
    send({ type: 'load-error', message: error instanceof AdapterLoadError ? error.message : `--adapter ${start.spec}: ${describeError(error)}` });
    return;
  } finally {
    clearTimeout(keepAlive);
    loading = false;
  }
  await nextTurn();
  const outOfProcess = isOutOfProcess(adapter);
  const loadFaults = [
    ...(outOfProcess ? [] : reach.startedWhileAllowed().map((started) => `${started} while loading, which an in-process adapter may not (decisions/0021)`)),
    ...globalsBeforeLoad.restore(),
    ...faults.splice(0),
    ...directOutput.drain().map((write) => `${write} while loading`),
    ...reach.drain().map((refused) => `${refused} while loading, which the sandbox refuses`),
    ...guard.drain().map((a) => `tried to reach the network while loading: ${a}`),
  ];
  if (loadFaults.length > 0) {
    send({ type: 'load-fault', message: `the adapter ${loadFaults.join('; ')}` });
    return;
  }
  // msw goes in after the adapter has loaded, as it did in the harness's own thread: a client
  // that kept fetch or https.request from load time gets past it, and the guard says so (A6).
  // Nothing may reach the network: an unmatched request is an error, not a pass-through.
  const server = setupServer(service.handler);
  server.listen({ onUnhandledRequest: 'error' });
  const globals = snapshotGlobals();
  let name: string;
  let capabilities: Adapter['capabilities'];
  try {
    name = String(adapter.name);
    capabilities = adapter.capabilities === undefined ? undefined : structuredClone(adapter.capabilities);
  } catch (error) {
    send({ type: 'load-error', message: `--adapter ${start.spec}: its name or capabilities cannot be read: ${describeError(error)}` });
    return;
  }
  send({ type: 'ready', name, capabilities, outOfProcess });
  // A process adapter belongs in the harness's thread: the harness loads it there instead.
  if (outOfProcess) {
    await Promise.resolve(adapter.close?.()).catch(() => {});
    return;
  }
  // Where a case that draws no endpoint of its own is sent.
  const endpoint = placeEndpoint(plainEndpoint(start.region)).endpoint;

  port.on('message', async (message: ToSandbox) => {
    if (message.type === 'seal') return;
    if (message.type === 'case' || message.type === 'sequence') currentSeq = message.seq;
    if (message.type === 'close') {
      let problem: string | undefined;
      try {
        await adapter.close?.();
      } catch (error) {
        problem = `close() threw: ${describeError(error)}`;
      }
      server.close();
      send({ type: 'closed', ...(problem ? { problem } : {}) });
      return;
    }
    if (message.type === 'sequence') {
      let record: SequenceRecord;
      try {
        record = await executeSequence(message.sequence, {
          adapter,
          service,
          fakeTime: true,
          caseTimeoutMs: message.caseTimeoutMs,
          offerDirectFetch: true,
          waitsOnNothing,
        });
      } catch (error) {
        service.end();
        record = { calls: [], unattributed: [], misrouted: [], problem: `the sequence broke the sandbox: ${describeError(error)}` };
        poisoned = true;
      }
      await nextTurn();
      const sequenceFaults = [...faults.splice(0), ...refusedReach(reach.drain()), ...intervals.leaked(), ...globals.restore()];
      const attempts = guard.drain();
      send({
        type: 'sequence-record',
        seq: message.seq,
        record: { ...record, ...(attempts.length > 0 ? { networkAttempts: attempts } : {}), ...(sequenceFaults.length > 0 ? { faults: sequenceFaults } : {}) },
        poisoned,
      });
      return;
    }
    let record: ExecutionRecord;
    try {
      record = await executeCase(message.case, {
        adapter,
        service,
        endpoint,
        region: start.region,
        fakeTime: true,
        caseTimeoutMs: message.caseTimeoutMs,
        offerDirectFetch: true,
        waitsOnNothing,
      });
    } catch (error) {
      // The harness's own half failed, most likely because the adapter broke something it uses.
      record = {
        requests: service.end(),
        outcome: {
          kind: 'rejected',
          error: { name: 'SandboxError', message: describeError(error), hasMetadata: false, crash: `the call broke the sandbox: ${describeError(error)}` },
        },
      };
      poisoned = true;
    }
    // One more turn, so an unhandled rejection the call left behind is reported for this case.
    await nextTurn();
    const caseFaults = [...faults.splice(0), ...refusedReach(reach.drain()), ...directOutput.drain(), ...intervals.leaked(), ...globals.restore()];
    const attempts = guard.drain();
    send({
      type: 'record',
      seq: message.seq,
      record: { ...record, networkAttempts: attempts, ...(caseFaults.length > 0 ? { faults: caseFaults } : {}) },
      poisoned,
    });
  });
}
