import { escapeControlCharacters } from '../../redaction/adapter-text.ts';
import { redactSensitiveAssignments } from '../../redaction/redact.ts';
import { type AdapterCapabilities, type AdapterError, checkCapabilities, type RevokeTokenInput, type RevokeTokenOutput } from '../contract.ts';
import { PROCESS_PROTOCOL_VERSION, ProcessAdapterError } from './types.ts';

/**
 * Protocol 1 (CONTRACT.md section 2): the lines the harness and a client process exchange.
 * The harness writes one JSON line per case and reads one JSON line back; the first line a
 * client prints is its capabilities. Everything here is pure: parsing and formatting only.
 */

/** The longest line read from a client process; a longer one is a protocol violation. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;
const QUOTE_CHARS = 200;

/** A line of the client's, for a message: redacted, sensitive JSON members blanked, cut short. */
export function quote(text: string, redact: (text: string) => string): string {
  const clean = redactSensitiveAssignments(redact(text));
  return escapeControlCharacters(JSON.stringify(clean.length > QUOTE_CHARS ? `${clean.slice(0, QUOTE_CHARS)}…` : clean));
}

export function describeCommand(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

export interface Hello {
  name: string;
  capabilities: AdapterCapabilities;
}

export function parseHello(line: string): Hello {
  const redactNothing = (t: string) => t;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ProcessAdapterError(
      'start',
      `the first line on stdout must be the capabilities line ({"protocol":1,"name":…,"capabilities":{…}}), got ${quote(line, redactNothing)}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProcessAdapterError('start', `the capabilities line must be a JSON object, got ${quote(line, redactNothing)}`);
  }
  const hello = value as { protocol?: unknown; name?: unknown; capabilities?: unknown };
  if (hello.protocol !== PROCESS_PROTOCOL_VERSION) {
    const got = typeof hello.protocol === 'number' ? `protocol ${hello.protocol}` : `"protocol": ${JSON.stringify(hello.protocol) ?? 'missing'}`;
    throw new ProcessAdapterError('start', `the client speaks ${got}; this harness speaks process-adapter protocol ${PROCESS_PROTOCOL_VERSION}`);
  }
  if (typeof hello.name !== 'string' || hello.name.trim() === '') {
    throw new ProcessAdapterError('start', 'the capabilities line needs "name": a non-empty string naming the client and its version');
  }
  const checked = checkCapabilities(hello.capabilities);
  if (!checked.ok) throw new ProcessAdapterError('start', `${checked.problem} (in the capabilities line)`);
  const capabilities: AdapterCapabilities = checked.capabilities;
  return { name: hello.name, capabilities };
}

/**
 * The line that hands a client process one case. U+2028 and U+2029 are written as JSON escapes
 * (the same string once parsed): JSON.stringify leaves them raw, and a line reader that takes
 * them for line ends (Node 24's readline does) would cut a caller's string in two.
 */
export function caseLine(id: string, input: RevokeTokenInput, endpoint: string, region: string): string {
  return JSON.stringify({ id, input, endpoint, region }).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The line that asks a client process to cancel a case. */
export function cancelLine(id: string): string {
  return JSON.stringify({ id, cancel: true });
}

/** What an answer line says: the call's result, or why the line breaks the protocol. */
export type Answer = { kind: 'ok'; output: RevokeTokenOutput } | { kind: 'error'; error: AdapterError } | { kind: 'violation'; why: string };

/** Reads the answer to case `id`. `redact` removes the case's values from quoted lines. */
export function parseAnswer(line: string, id: string, redact: (text: string) => string): Answer {
  const violation = (why: string): Answer => ({ kind: 'violation', why });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return violation(`the client process printed a line that is not JSON while case ${id} was pending: ${quote(line, redact)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return violation(`the client process printed a JSON value that is not an object: ${quote(line, redact)}`);
  }
  const answer = value as { id?: unknown; ok?: unknown; error?: unknown };
  if (answer.id !== id) {
    return violation(
      `the client process answered id ${JSON.stringify(answer.id) ?? '(none)'} while case ${JSON.stringify(id)} was pending: ${quote(line, redact)}`,
    );
  }
  const hasOk = answer.ok !== undefined;
  const hasError = answer.error !== undefined;
  if (hasOk === hasError) return violation(`an answer must carry exactly one of "ok" and "error": ${quote(line, redact)}`);
  if (hasOk) {
    if (answer.ok === null || typeof answer.ok !== 'object' || Array.isArray(answer.ok)) return violation(`"ok" must be an object: ${quote(line, redact)}`);
    const output = answer.ok as RevokeTokenOutput & Record<string, unknown>;
    if (output.$metadata !== undefined && (output.$metadata === null || typeof output.$metadata !== 'object'))
      return violation(`"ok.$metadata" must be an object: ${quote(line, redact)}`);
    return { kind: 'ok', output };
  }
  const error = answer.error as { name?: unknown; message?: unknown; statusCode?: unknown; requestId?: unknown } | null;
  if (error === null || typeof error !== 'object' || Array.isArray(error)) return violation(`"error" must be an object: ${quote(line, redact)}`);
  if (typeof error.name !== 'string' || error.name === '') return violation(`"error.name" must be a non-empty string: ${quote(line, redact)}`);
  if (error.message !== undefined && error.message !== null && typeof error.message !== 'string')
    return violation(`"error.message" must be a string: ${quote(line, redact)}`);
  if (error.statusCode !== undefined && error.statusCode !== null && !Number.isInteger(error.statusCode))
    return violation(`"error.statusCode" must be an integer or null: ${quote(line, redact)}`);
  if (error.requestId !== undefined && error.requestId !== null && typeof error.requestId !== 'string')
    return violation(`"error.requestId" must be a string or null: ${quote(line, redact)}`);
  const decoded = new Error(typeof error.message === 'string' ? error.message : '') as AdapterError;
  decoded.name = error.name;
  const statusCode = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
  if (statusCode !== undefined || requestId !== undefined) decoded.$metadata = { httpStatusCode: statusCode, requestId };
  return { kind: 'error', error: decoded };
}
