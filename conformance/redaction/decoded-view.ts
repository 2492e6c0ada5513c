/**
 * A text as a client may have disguised a value in it, undone: what redaction also searches.
 * One pass decodes percent-encoding (`%41`, `%u0041`), `\uXXXX`, `\u{X}`, `\xXX` and
 * backslash escapes, HTML character references (`&#x41;`, `&#65;`, `&amp;`...) and Unicode tag
 * characters (an invisible copy of ASCII), and drops invisible characters (zero-width spaces and
 * joiners, soft hyphens, variation selectors, bidi controls, the byte-order mark) and line
 * breaks with the blanks around them, so a value split by zero-width spaces or printed a few
 * characters per line reads whole. Each character of the view remembers the span of the text it
 * came from, so a match in the view redacts the text itself.
 *
 * Limits: one level of decoding (`%2541` is not decoded twice), percent-encoded bytes are read
 * as Latin-1 (a value outside ASCII is matched raw, not percent-encoded), and a value split by
 * anything but invisible characters and line breaks (spaces, dashes) is not joined.
 */

/** A decoded view of a text and, for each of its characters, the span of the text it came from. */
export interface DecodedView {
  text: string;
  /** start[i], end[i]: the text's characters the view's i-th character came from. */
  start: Int32Array;
  end: Int32Array;
  /**
   * The view's characters that are not simply the text's next character: decoded from an escape,
   * or coming after something dropped. A window of the view without one is a window of the text
   * too, so only windows that hold one need searching again.
   */
  seams: number[];
}

// Characters that show nothing yet sit between the characters of a value: soft hyphen,
// combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer inherent vowels,
// Mongolian selectors and separator, zero-width space to right-to-left mark, bidi embeddings and
// overrides, word joiner to invisible plus, and the deprecated format characters after them,
// variation selectors, the byte-order mark, the halfwidth Hangul filler, interlinear annotation marks.
const INVISIBLE_BMP =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb';
// Tags (U+E0000 to U+E007F) and the variation selectors supplement (U+E0100 to U+E01EF), as surrogate pairs.
const INVISIBLE_ASTRAL = '\\udb40[\\udc00-\\udc7f\\udd00-\\uddef]';

const INVISIBLE = new RegExp(`[${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL}`, 'g');

/** The text with each invisible character written as a visible escape (`\u{200b}`), never passed through. @internal */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}

// Anything the view would change: without one, the view is the text and is not built.
const NEEDS_VIEW = new RegExp(`[%\\\\&\\n\\r\\u0085\\u2028\\u2029${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL}`);
const HEX = /^[0-9a-fA-F]+$/;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos|nbsp));/y;
const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", '/': '/', '`': '`' };

function hexAt(text: string, at: number, length: number): number | undefined {
  const digits = text.slice(at, at + length);
  return digits.length === length && HEX.test(digits) ? Number.parseInt(digits, 16) : undefined;
}

function fromCodePoint(code: number): string | undefined {
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** What the text at `at` decodes to, and how many of its characters that takes; undefined when nothing is encoded there. */
function decodeAt(text: string, at: number): { value: string; length: number } | undefined {
  const c = text[at];
  if (c === '%') {
    if (text[at + 1] === 'u' || text[at + 1] === 'U') {
      const code = hexAt(text, at + 2, 4);
      if (code !== undefined) return { value: String.fromCharCode(code), length: 6 };
    }
    const byte = hexAt(text, at + 1, 2);
    return byte === undefined ? undefined : { value: String.fromCharCode(byte), length: 3 };
  }
  if (c === '\\') {
    const next = text[at + 1];
    if (next === 'u') {
      if (text[at + 2] === '{') {
        const close = text.indexOf('}', at + 3);
        if (close > at + 3 && close <= at + 9) {
          const code = hexAt(text, at + 3, close - at - 3);
          const value = code === undefined ? undefined : fromCodePoint(code);
          if (value !== undefined) return { value, length: close - at + 1 };
        }
        return undefined;
      }
      const code = hexAt(text, at + 2, 4);
      return code === undefined ? undefined : { value: String.fromCharCode(code), length: 6 };
    }
    if (next === 'x') {
      const code = hexAt(text, at + 2, 2);
      return code === undefined ? undefined : { value: String.fromCharCode(code), length: 4 };
    }
    // An escaped line break joins lines as a real one does.
    if (next === 'n' || next === 'r') return { value: '\n', length: 2 };
    if (next !== undefined && SIMPLE_ESCAPES[next] !== undefined) return { value: next, length: 2 };
    return undefined;
  }
  if (c === '&') {
    ENTITY.lastIndex = at;
    const match = ENTITY.exec(text);
    if (!match) return undefined;
    const value =
      match[1] !== undefined
        ? fromCodePoint(Number.parseInt(match[1], 16))
        : match[2] !== undefined
          ? fromCodePoint(Number(match[2]))
          : NAMED_ENTITIES[match[3]!];
    return value === undefined ? undefined : { value, length: match[0].length };
  }
  return undefined;
}

/** Whether a code point is one of INVISIBLE's (numeric ranges: the view tests every character). */
function isInvisible(code: number): boolean {
  if (code < 0xad) return false;
  return (
    code === 0xad ||
    code === 0x34f ||
    code === 0x61c ||
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x17b4 ||
    code === 0x17b5 ||
    (code >= 0x180b && code <= 0x180f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0x3164 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    code === 0xffa0 ||
    (code >= 0xfff9 && code <= 0xfffb) ||
    (code >= 0xe0000 && code <= 0xe007f && !(code >= 0xe0020 && code <= 0xe007e)) ||
    (code >= 0xe0100 && code <= 0xe01ef)
  );
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** The decoded view of a text, or undefined when there is nothing to decode or drop (the view would be the text). */
export function decodedView(text: string): DecodedView | undefined {
  if (!NEEDS_VIEW.test(text)) return undefined;
  // The view is never longer than the text: every decoding consumes at least as many code units as it yields.
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  const units: string[] = [];
  const seams: number[] = [];
  let afterBreak = false;
  const push = (unit: string, from: number, to: number) => {
    const at = units.length;
    if (to - from !== 1 || (at > 0 && from !== end[at - 1])) seams.push(at);
    start[units.length] = from;
    end[units.length] = to;
    units.push(unit);
  };
  const emit = (code: number, from: number, to: number) => {
    if (isInvisible(code)) return;
    if (isLineBreak(code)) {
      // Blanks before a break go with it, and so do those that indent the next line.
      while (units.length > 0 && (units[units.length - 1] === ' ' || units[units.length - 1] === '\t')) units.pop();
      afterBreak = true;
      return;
    }
    if (afterBreak && (code === 0x20 || code === 0x09)) return;
    afterBreak = false;
    // A tag character is an invisible copy of an ASCII one: read as that.
    if (code >= 0xe0020 && code <= 0xe007e) push(String.fromCharCode(code - 0xe0000), from, to);
    else if (code > 0xffff) {
      const pair = String.fromCodePoint(code);
      push(pair[0]!, from, to);
      push(pair[1]!, from, to);
    } else push(String.fromCharCode(code), from, to);
  };
  let at = 0;
  while (at < text.length) {
    const decoded = decodeAt(text, at);
    if (decoded) {
      for (const character of decoded.value) emit(character.codePointAt(0)!, at, at + decoded.length);
      at += decoded.length;
      continue;
    }
    const code = text.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    emit(code, at, at + width);
    at += width;
  }
  return { text: units.join(''), start, end, seams };
}

/**
 * The spans of the text behind view characters [from, to): one span from the first's start to
 * the last's end, cut at the text's own line breaks so that lines stay lines.
 */
export function textSpans(view: DecodedView, from: number, to: number, original: string): Array<[number, number]> {
  const spanStart = view.start[from]!;
  const spanEnd = view.end[to - 1]!;
  const spans: Array<[number, number]> = [];
  let at = spanStart;
  for (let i = spanStart; i < spanEnd; i += 1) {
    if (isLineBreak(original.charCodeAt(i))) {
      if (i > at) spans.push([at, i]);
      at = i + 1;
    }
  }
  if (spanEnd > at) spans.push([at, spanEnd]);
  return spans;
}
