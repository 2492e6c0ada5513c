import type { Outcome } from '../checks/check.ts';
import type { Settlement } from './clock.ts';

// How a settled call becomes an Outcome: the one place that reads what the adapter handed back.
// Whatever it is (a throwing getter, a Proxy, a value that is not an Error), reading it must not
// throw, and the result is plain data that can cross a worker boundary.

/** The names of errors that mean code crashed, not that a client decoded an answer. */
const CRASH_NAMES: ReadonlySet<string> = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'EvalError', 'URIError', 'InternalError']);

/** Process-adapter failures that mean the client did not decode an answer (it exited, or spoke garbage). */
const PROCESS_CRASH_KINDS: ReadonlySet<string> = new Set(['exit', 'protocol', 'start', 'closed', 'gave-up']);

/** Marks a value an adapter returned where it owed a promise, so the outcome can say so. */
export class NotAPromise {
  constructor(readonly description: string) {}
}

/**
 * Reads one property without letting a getter or a Proxy trap throw into the harness. What a
 * read threw is told to `onThrown` as text (it may quote a token: the judging redacts it).
 */
function read(value: unknown, key: string, onThrown?: (what: string) => void): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch (thrown) {
    onThrown?.(`reading its ${key} threw ${thrownText(thrown)}`);
    return READ_FAILED;
  }
}

/** What a getter threw, as short text, never throwing itself. */
function thrownText(thrown: unknown): string {
  try {
    if (thrown instanceof Error) {
      const message = String(thrown.message);
      return JSON.stringify(message.length > 200 ? `${message.slice(0, 200)}…` : message);
    }
    return describeValue(thrown);
  } catch {
    return 'something that cannot be read';
  }
}
const READ_FAILED = Symbol('read failed');

/** A short description of any value, never throwing. */
export function describeValue(value: unknown): string {
  try {
    if (value === null) return 'null';
    if (typeof value === 'string') return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
    if (typeof value === 'object' || typeof value === 'function') {
      const tag = Object.prototype.toString.call(value);
      return typeof value === 'function' ? 'a function' : `an object (${tag})`;
    }
    return `${typeof value} ${String(value)}`;
  } catch {
    return 'a value that cannot be read';
  }
}

/** A call's resolved value, as plain data: its `$metadata`'s plain members, nothing else. */
function plainValue(value: unknown): unknown {
  const metadata = read(value, '$metadata');
  if (metadata === undefined || metadata === null || metadata === READ_FAILED) return {};
  const plain: Record<string, string | number | boolean> = {};
  let keys: string[] = [];
  try {
    keys = Object.keys(metadata).slice(0, 20);
  } catch {
    // A Proxy whose ownKeys trap throws: no members.
  }
  for (const key of keys) {
    const member = read(metadata, key);
    if (typeof member === 'string' || typeof member === 'number' || typeof member === 'boolean') plain[key] = member;
  }
  return { $metadata: plain };
}

export function outcomeOf(settlement: Settlement<unknown>): Outcome {
  switch (settlement.kind) {
    case 'resolved':
      return { kind: 'resolved', value: plainValue(settlement.value) };
    case 'unsettled':
      return { kind: 'unsettled', afterMs: settlement.afterMs, ...(settlement.detail !== undefined ? { detail: settlement.detail } : {}) };
    case 'rejected':
      return rejectedOutcome(settlement.error);
  }
}

function rejectedOutcome(error: unknown): Outcome {
  if (isNotAPromise(error)) {
    return crashed('NotAPromise', `revokeToken returned ${error.description}, not a promise`);
  }
  const thrown: string[] = [];
  const onThrown = (what: string) => thrown.push(what);
  const name = read(error, 'name', onThrown);
  const message = read(error, 'message', onThrown);
  const metadata = read(error, '$metadata', onThrown);
  if (name === READ_FAILED || message === READ_FAILED || metadata === READ_FAILED) {
    return crashed('UnreadableError', `the rejection cannot be read: reading its name, message or $metadata throws (${thrown.join('; ')})`);
  }
  if (typeof error !== 'object' || error === null || typeof name !== 'string') {
    return crashed(typeof name === 'string' ? name : 'NotAnError', `rejected with ${describeValue(error)}, not an Error`);
  }
  const text = typeof message === 'string' ? message : '';
  if (name === 'ProcessAdapterError') {
    const kind = read(error, 'kind');
    // A process adapter that gave up waiting on its child has the same meaning as a call that
    // never settled: the client did not answer.
    if (kind === 'timeout' || kind === 'abandoned') return { kind: 'unsettled', afterMs: 0, detail: `the client process did not answer: ${text}` };
    if (typeof kind === 'string' && PROCESS_CRASH_KINDS.has(kind)) return crashed(name, text, `the client process failed (${kind}): ${text}`);
  }
  const hasMetadata = metadata !== undefined && metadata !== null;
  const status = hasMetadata ? read(metadata, 'httpStatusCode') : undefined;
  const requestId = hasMetadata ? read(metadata, 'requestId') : undefined;
  const crash = CRASH_NAMES.has(name) && !hasMetadata ? `a bare ${name} escaped the client, not an error it decoded: ${JSON.stringify(text)}` : undefined;
  return {
    kind: 'rejected',
    error: {
      name,
      message: text,
      statusCode: typeof status === 'number' ? status : undefined,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      hasMetadata,
      ...(crash ? { crash } : {}),
    },
  };
}

function isNotAPromise(value: unknown): value is NotAPromise {
  try {
    return value instanceof NotAPromise;
  } catch {
    // A Proxy whose getPrototypeOf trap throws.
    return false;
  }
}

function crashed(name: string, message: string, crash = message): Outcome {
  return { kind: 'rejected', error: { name, message, hasMetadata: false, crash } };
}
