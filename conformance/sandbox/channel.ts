import { timingSafeEqual } from 'node:crypto';
import type { FromSandbox } from './protocol.ts';

// The harness's side of the sealed channel (decisions/0021): every message from a sandbox is
// checked for the run's secret and for its shape before anything reads it. The adapter shares
// the worker with the code that posts, so it can post too; without the secret what it posts is
// a breach, and a breach fails the run. Nothing of a rejected message is quoted (it may hold a
// Token): only its type, when it has a readable one.

export type OpenedMessage = { kind: 'message'; message: FromSandbox } | { kind: 'breach'; breach: string };

type Shape = (value: Record<string, unknown>) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSeq = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isString = (value: unknown) => typeof value === 'string';
const OUTCOME_KINDS = new Set(['resolved', 'rejected', 'unsettled']);
const TRANSPORTS = new Set(['direct', 'intercepted', 'loopback']);

function isRequest(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (!isString(value.method) || !isString(value.url) || !isString(value.body) || !Number.isSafeInteger(value.bodyBytes)) return false;
  if (!TRANSPORTS.has(value.transport as string) || !isObject(value.headers)) return false;
  return Object.values(value.headers).every(isString);
}

function isExecutionRecord(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.requests) || !value.requests.every(isRequest)) return false;
  if (!isObject(value.outcome) || !OUTCOME_KINDS.has(value.outcome.kind as string)) return false;
  if (value.faults !== undefined && !(Array.isArray(value.faults) && value.faults.every(isString))) return false;
  if (value.networkAttempts !== undefined && !(Array.isArray(value.networkAttempts) && value.networkAttempts.every(isString))) return false;
  return true;
}

function isSequenceRecord(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.calls) || !Array.isArray(value.unattributed) || !Array.isArray(value.misrouted)) return false;
  if (!value.unattributed.every(isRequest) || !value.misrouted.every(isString)) return false;
  return value.calls.every((call) => call === undefined || call === null || (isObject(call) && Array.isArray(call.requests) && call.requests.every(isRequest)));
}

const SHAPES: Record<FromSandbox['type'], Shape> = {
  loading: () => true,
  ready: (m) => isString(m.name) && typeof m.outOfProcess === 'boolean' && (m.capabilities === undefined || isObject(m.capabilities)),
  'load-error': (m) => isString(m.message),
  'load-fault': (m) => isString(m.message),
  record: (m) => isSeq(m.seq) && typeof m.poisoned === 'boolean' && isExecutionRecord(m.record),
  'sequence-record': (m) => isSeq(m.seq) && typeof m.poisoned === 'boolean' && isSequenceRecord(m.record),
  closed: (m) => m.problem === undefined || isString(m.problem),
  output: (m) => (m.stream === 1 || m.stream === 2) && isString(m.text),
  'exit-called': (m) => isString(m.code),
  request: (m) => isSeq(m.seq) && typeof m.late === 'boolean' && isRequest(m.request),
};

function sameSecret(given: unknown, nonce: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given, 'utf8');
  return bytes.byteLength === nonce.byteLength && timingSafeEqual(bytes, nonce);
}

/** Checks one message from a sandbox against the run's secret and the protocol's shapes. */
export function openSandboxMessage(raw: unknown, nonce: string): OpenedMessage {
  const secret = Buffer.from(nonce, 'utf8');
  const type = isObject(raw) && typeof raw.type === 'string' && Object.hasOwn(SHAPES, raw.type) ? (raw.type as FromSandbox['type']) : undefined;
  const named = type === undefined ? 'a message of no known type' : `a '${type}' message`;
  if (!isObject(raw) || !sameSecret(raw.nonce, secret)) {
    return { kind: 'breach', breach: `${named} arrived on the sandbox's channel without the run's secret (forged by code in the sandbox)` };
  }
  if (type === undefined) return { kind: 'breach', breach: `${named} arrived on the sandbox's channel` };
  if (!SHAPES[type](raw)) return { kind: 'breach', breach: `${named} on the sandbox's channel does not have the protocol's shape` };
  const { nonce: _secret, ...message } = raw;
  return { kind: 'message', message: message as FromSandbox };
}
