import { escapeInvisible } from './decoded-view.ts';
import { neutraliseWorkflowCommands } from './workflow-commands.ts';

/**
 * Text an implementation under test supplies (error names and messages, stderr lines, its
 * own name) reaches terminals and report files. Whatever it holds, it arrives there bounded in
 * length and without characters that drive a terminal or break a report format.
 */

/** The longest adapter-supplied text a report shows, in characters. @internal */
export const MAX_ADAPTER_TEXT_CHARS = 2_000;

// C0 controls except tab and line feed, DEL, C1 controls, the Unicode line and paragraph
// separators, bidirectional overrides and isolates (text that reads differently from how it
// is stored), the byte-order mark, and lone surrogates (invalid in UTF-8 and in XML).
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character written as a visible `\uXXXX` escape. @internal */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

const HAS_UNSAFE = new RegExp(UNSAFE.source);

function shownAs(character: string): string {
  // A lone surrogate is one code unit; a pair, two (safe). Everything else tests as is.
  return HAS_UNSAFE.test(character) ? escapeCharacter(character) : character;
}

/**
 * Adapter-supplied text made safe to show: unsafe and invisible characters escaped (tab and
 * line feed kept), GitHub workflow commands made inert (workflow-commands.ts), and cut to `max` characters with a marker saying how many were left out. Apply it after
 * redaction: a cut may leave part of a secret that redaction would then not recognise.
 * @internal
 */
export function cleanAdapterText(text: unknown, max = MAX_ADAPTER_TEXT_CHARS): string {
  // Invisible characters shown as escapes (never passed through), and lines a CI runner would
  // read as its commands made inert, before anything else: both change what a line starts with.
  const raw = neutraliseWorkflowCommands(escapeInvisible(typeof text === 'string' ? text : safeString(text)));
  if (raw.length <= max && !HAS_UNSAFE.test(raw)) return raw;
  let shown = '';
  let consumed = 0;
  for (const character of raw) {
    const piece = shownAs(character);
    if (shown.length + piece.length > max) break;
    shown += piece;
    consumed += character.length;
  }
  const left = raw.length - consumed;
  return left > 0 ? `${shown}…(${left} more characters)` : shown;
}

/** String(value) that cannot throw (a hostile object's toString may). @internal */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return `(a ${typeof value} that cannot be shown)`;
  }
}

/**
 * What a thrown value says, read without ever throwing again: a hostile error may have a
 * throwing getter on `name`, `message` or `stack`, or be a Proxy. Not redacted: pass the result
 * through the run's redaction, then cleanAdapterText.
 * @internal
 */
export function describeThrown(error: unknown, withStack = false): string {
  const read = (name: string): unknown => {
    try {
      return (error as Record<string, unknown>)[name];
    } catch {
      return undefined;
    }
  };
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return safeString(error);
  const stack = withStack ? read('stack') : undefined;
  if (typeof stack === 'string' && stack !== '') return stack;
  const name = read('name');
  const message = read('message');
  const shownName = typeof name === 'string' && name !== '' ? name : 'Error';
  if (typeof message === 'string') return message === '' ? shownName : `${shownName}: ${message}`;
  return shownName === 'Error' ? safeString(error) : shownName;
}

/** An error's message, read without ever throwing; what describeThrown says when it has none. @internal */
export function messageOf(error: unknown): string {
  try {
    const message = (error as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message;
  } catch {
    // A throwing getter: fall through to the description.
  }
  return describeThrown(error);
}

// Redaction reads every character; a hostile line of megabytes is cut to this first. What the
// cut removes is past anything a report shows, and a secret cut in two keeps its recognisable half.
const MAX_REDACTED_CHARS = 8 * MAX_ADAPTER_TEXT_CHARS;

/**
 * Adapter-supplied text redacted, then made safe to show (cleanAdapterText), at a bounded cost
 * whatever its length; the marker counts the characters left out of the original.
 * @internal
 */
export function redactAndClean(text: string, redact: (text: string) => string, max = MAX_ADAPTER_TEXT_CHARS): string {
  if (text.length <= MAX_REDACTED_CHARS) return cleanAdapterText(redact(text), max);
  const shown = cleanAdapterText(redact(text.slice(0, MAX_REDACTED_CHARS)), max).replace(/…\(\d+ more characters\)$/, '');
  return `${shown}…(about ${text.length - Math.min(shown.length, max)} more characters)`;
}

/**
 * Lines of adapter-supplied output redacted as one text (SensitiveValues.redactLines: a value
 * split over lines is found), then each made safe to show; every line is cut first as
 * redactAndClean cuts a text, so the cost is bounded whatever their length.
 * @internal
 */
export function redactAndCleanLines(lines: readonly string[], redactLines: (lines: readonly string[]) => string[], max = MAX_ADAPTER_TEXT_CHARS): string[] {
  const redacted = redactLines(lines.map((line) => line.slice(0, MAX_REDACTED_CHARS)));
  return lines.map((line, i) => {
    const shown = cleanAdapterText(redacted[i] ?? '', max);
    if (line.length <= MAX_REDACTED_CHARS) return shown;
    const head = shown.replace(/…\(\d+ more characters\)$/, '');
    return `${head}…(about ${line.length - Math.min(head.length, max)} more characters)`;
  });
}
