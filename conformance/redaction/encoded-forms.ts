/**
 * The forms a sensitive value takes when a client prints it encoded rather than as it is. Each
 * family is matched with its own window length: as many encoded characters as FRAGMENT_LENGTH
 * characters of the value become, so an encoded leak is recognised no sooner and no later than a
 * plain one (a 7-character run of a value is not redacted, nor is its hex). Percent-encoding,
 * `\u` and `\x` escapes, HTML entities, invisible characters and line breaks are not here: they
 * are decoded out of the text instead (decoded-view.ts), which also catches a value encoded in
 * part or mixed with raw characters.
 */

/** The value as a person would type it: as given, reversed, and ROT13 (both directions). Case is folded when matching. */
export function plainForms(value: string): string[] {
  const reversed = [...value].reverse().join('');
  return unique([value, reversed, JSON.stringify(value).slice(1, -1), rot13(value), rot13(reversed)]);
}

/** Hex of the value's UTF-8 bytes (case is folded when matching, so both cases are one form). */
export function hexForms(value: string): string[] {
  return [Buffer.from(value, 'utf8').toString('hex')];
}

/**
 * The stable inner runs of the value's base64 encoding at each of the three byte
 * alignments it can have inside a larger encoded blob (`base64(prefix + value + suffix)` for any
 * prefix length modulo 3). The characters that also carry bits of the prefix or suffix are cut,
 * so every run appears in any blob that holds the value, whatever surrounds it. Matched
 * case-sensitively, with base64url's `-` and `_` read as `+` and `/` (base64Alphabet).
 */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString('base64');
    // Characters wholly made of the value's bits: after the shift's bits, before the last partial sextet.
    const first = Math.ceil((shift * 8) / 6);
    const last = Math.floor(((shift + bytes.length) * 8) / 6);
    const run = encoded.slice(first, last);
    forms.push(run);
  }
  return unique(forms);
}

/**
 * Base64 characters a window holds: the longest stable run that base64 of any 8 characters of
 * the value (FRAGMENT_LENGTH, ASCII) has at every alignment, floor(64 / 6) = 10. A window of 10
 * covers 60 bits, at least 6 whole bytes and parts of two more, so it is about as telling as 8
 * plain characters: base64 of a 7-character run alone never fills one.
 */
export const BASE64_WINDOW = 10;

/** Hex characters a window holds: 8 bytes of the value (FRAGMENT_LENGTH ASCII characters). */
export const HEX_WINDOW = 16;

/** Base64url text read as base64: the two differ only in these two characters. */
export function base64Alphabet(text: string): string {
  return text.includes('-') || text.includes('_') ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
}

/** ROT13 of ASCII letters; everything else as it is. */
export function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function unique(forms: string[]): string[] {
  return [...new Set(forms)].filter((form) => form !== '');
}
