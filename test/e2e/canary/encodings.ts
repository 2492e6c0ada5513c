// The encodings a careless or hostile client prints a value in, by name: the canary specs make
// a client print each one, and their detector (encodedLeaks) decodes each back. Written apart
// from conformance/redaction on purpose: a spec that used redaction's own decoder could not
// catch a form that decoder misses.

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
const code = (c: string) => c.charCodeAt(0);

/** Each encoded form of a value, by name. */
export function encodedForms(value: string): Record<string, string> {
  return {
    hex: hex(value),
    'hex, upper case': hex(value).toUpperCase(),
    // Inside a larger blob, one and two bytes in: the value's base64 at its other alignments.
    base64: Buffer.from(`id:${value}`).toString('base64'),
    base64url: Buffer.from(`k:${value}`).toString('base64url'),
    'percent-encoded': [...value].map((c) => `%${code(c).toString(16).padStart(2, '0').toUpperCase()}`).join(''),
    'percent-encoded in part': encodeURIComponent(value).replace(/[a-m]/g, (c) => `%${code(c).toString(16)}`),
    '\\u escapes': [...value].map((c) => `\\u${code(c).toString(16).padStart(4, '0')}`).join(''),
    '\\x escapes': [...value].map((c) => `\\x${code(c).toString(16).padStart(2, '0')}`).join(''),
    'HTML references': [...value].map((c) => `&#${code(c)};`).join(''),
    ROT13: value.replace(/[A-Za-z]/g, (c) => String.fromCharCode(((code(c) - (c <= 'Z' ? 65 : 97) + 13) % 26) + (c <= 'Z' ? 65 : 97))),
    'split by zero-width spaces': [...value].join('\u200b'),
    'split by soft hyphens and word joiners': [...value].join('\u00ad\u2060'),
    'in tag characters': [...value].map((c) => String.fromCodePoint(0xe0000 + code(c))).join(''),
    '4 characters per line': (value.match(/.{1,4}/g) ?? []).join('\n'),
  };
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** The readings of a text the detector tries: decoded every way encodedForms encodes, and as shown escaped. */
function readings(text: string): string[] {
  // Escapes first (the suite shows invisible characters as \u{200b}), then invisible characters and line breaks out.
  const unescaped = text
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_m, u?: string, x?: string) => String.fromCharCode(Number.parseInt(u ?? x!, 16)))
    .replace(/&#x([0-9a-fA-F]+);|&#([0-9]+);/g, (_m, h?: string, d?: string) => String.fromCodePoint(h ? Number.parseInt(h, 16) : Number(d)))
    .replace(/%([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  const tagsRead = [...unescaped]
    .map((c) => (c.codePointAt(0)! >= 0xe0020 && c.codePointAt(0)! <= 0xe007e ? String.fromCharCode(c.codePointAt(0)! - 0xe0000) : c))
    .join('');
  const joined = tagsRead.replace(INVISIBLE, '').replace(/[ \t]*(?:\r?\n|\\n|&#10;|<br>)[ \t]*/g, '');
  const out = [text, unescaped, joined];
  out.push(joined.replace(/[A-Za-z]/g, (c) => String.fromCharCode(((code(c) - (c <= 'Z' ? 65 : 97) + 13) % 26) + (c <= 'Z' ? 65 : 97))));
  for (const [run] of text.matchAll(/[0-9a-fA-F]{16,}/g)) for (const at of [0, 1]) out.push(Buffer.from(run.slice(at), 'hex').toString('latin1'));
  for (const [run] of text.matchAll(/[A-Za-z0-9+/_-]{10,}/g)) {
    const standard = run.replace(/-/g, '+').replace(/_/g, '/');
    for (const at of [0, 1, 2, 3]) out.push(Buffer.from(standard.slice(at), 'base64').toString('latin1'));
  }
  return out;
}

/** Every run of 8 characters of a value, forwards and reversed, lower-cased. */
function fragmentsOf(value: string): string[] {
  const lower = value.toLowerCase();
  const out = new Set<string>();
  for (const form of [lower, [...lower].reverse().join('')]) for (let i = 0; i + 8 <= form.length; i += 1) out.add(form.slice(i, i + 8));
  return [...out];
}

/** The outputs (by name) in which some reading shows 8 characters in a row of a value, with the fragment. */
export function encodedLeaks(outputs: Record<string, string>, values: Iterable<string>): string[] {
  const found: string[] = [];
  const read = Object.entries(outputs).map(([name, text]) => [name, readings(text).map((r) => r.toLowerCase())] as const);
  for (const value of values) {
    const fragments = fragmentsOf(value);
    for (const [name, texts] of read) {
      const hit = fragments.find((fragment) => texts.some((t) => t.includes(fragment)));
      if (hit !== undefined) found.push(`${name} shows "${hit}" of ${value.slice(0, 4)}…`);
    }
  }
  return found;
}
