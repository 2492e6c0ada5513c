import { describe, expect, it } from 'vitest';
import { cleanAdapterText, describeThrown, escapeControlCharacters, MAX_ADAPTER_TEXT_CHARS, redactAndClean } from './adapter-text.ts';

describe('cleanAdapterText', () => {
  it('escapes what drives a terminal or breaks a report, and keeps tabs and line feeds', () => {
    const text = 'a\u001b[31mred\r\u0000b\u0007\u009b\u202e\ud800c\tline\nnext';
    const clean = cleanAdapterText(text);
    expect(clean).toBe('a\\u001b[31mred\\u000d\\u0000b\\u0007\\u009b\\u{202e}\\ud800c\tline\nnext');
    expect(clean).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('shows invisible characters as escapes, and makes lines GitHub would run as workflow commands inert', () => {
    expect(cleanAdapterText('a\u200bb\u00ad\u{e0041}')).toBe('a\\u{200b}b\\u{ad}\\u{e0041}');
    expect(cleanAdapterText('failed\n::stop-commands::x\n  ::error::forged')).toBe('failed\n[::]stop-commands::x\n  [::]error::forged');
    // An invisible character before the command is shown, so the line no longer starts with it.
    expect(cleanAdapterText('\u200b::add-mask::x')).toBe('\\u{200b}::add-mask::x');
  });

  it('keeps a valid surrogate pair (an emoji) whole', () => {
    expect(cleanAdapterText('ok 🎉')).toBe('ok 🎉');
  });

  it('caps a huge message with a marker saying how much was left out', () => {
    const clean = cleanAdapterText('x'.repeat(1_000_000));
    expect(clean).toBe(`${'x'.repeat(MAX_ADAPTER_TEXT_CHARS)}…(${1_000_000 - MAX_ADAPTER_TEXT_CHARS} more characters)`);
  });

  it('counts escapes in the cap, so escaping cannot make the text longer than it', () => {
    const clean = cleanAdapterText('\u001b'.repeat(5_000));
    expect(clean.length).toBeLessThan(MAX_ADAPTER_TEXT_CHARS + 40);
    expect(clean).toMatch(/…\(4667 more characters\)$/);
  });

  it('leaves safe, short text as it is', () => {
    expect(cleanAdapterText('UnsupportedTokenTypeException: nope')).toBe('UnsupportedTokenTypeException: nope');
    expect(escapeControlCharacters('plain')).toBe('plain');
  });
});

describe('describeThrown', () => {
  it('reads an error whose getters throw, a Proxy, and things that are not errors, without throwing', () => {
    const getters = Object.defineProperty(new Error('kept'), 'name', {
      get() {
        throw new Error('Token=abc');
      },
    });
    expect(describeThrown(getters)).toBe('Error: kept');
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(() => describeThrown(proxy, true)).not.toThrow();
    expect(describeThrown('a string')).toBe('a string');
    expect(describeThrown(undefined)).toBe('undefined');
    expect(describeThrown(new TypeError('bad'))).toBe('TypeError: bad');
  });
});

describe('redactAndClean', () => {
  it('redacts a line of megabytes at a bounded cost and says how much was left out', () => {
    let redacted = '';
    const shown = redactAndClean(`secret-at-the-start ${'y'.repeat(4_000_000)}`, (text) => {
      redacted = text;
      return text.replace('secret-at-the-start', '[redacted]');
    });
    expect(redacted.length).toBeLessThanOrEqual(8 * MAX_ADAPTER_TEXT_CHARS);
    expect(shown).toMatch(/^\[redacted\] y+…\(about \d+ more characters\)$/);
  });
});
