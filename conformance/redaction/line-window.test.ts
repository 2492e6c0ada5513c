import { describe, expect, it } from 'vitest';
import { redactAndCleanLines } from './adapter-text.ts';
import { LINE_CONTEXT_CHARS, LineWindow } from './line-window.ts';
import { REDACTED, SensitiveValues } from './redact.ts';

const secret = 'cnryTOK-7Hq2Zx9VwL4pR8mK3sJ6-tail';

function windowed(): { window: LineWindow; shown: string[] } {
  const values = new SensitiveValues();
  values.add(secret);
  const shown: string[] = [];
  const window = new LineWindow((lines, at) => shown.push(redactAndCleanLines(lines, (l) => values.redactLines(l))[at]!));
  return { window, shown };
}

describe('LineWindow', () => {
  it('redacts every line of a value printed 4 characters per line, and shows the other lines as they are', () => {
    const { window, shown } = windowed();
    window.push('starting');
    for (const piece of secret.match(/.{1,4}/g)!) window.push(piece);
    window.push('done');
    window.flush();
    expect(shown).toEqual(['starting', ...secret.match(/.{1,4}/g)!.map(() => REDACTED), 'done']);
  });

  it('holds a line back only until enough of the lines after it have arrived', () => {
    const { window, shown } = windowed();
    window.push('first');
    expect(shown).toEqual([]);
    window.push('x'.repeat(LINE_CONTEXT_CHARS));
    expect(shown).toEqual(['first']);
  });

  it('redacts a value split over lines with zero-width spaces and escapes in them too', () => {
    const { window, shown } = windowed();
    window.push([...secret.slice(0, 10)].join('\u200b'));
    window.push([...secret.slice(10)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''));
    window.flush();
    expect(shown).toEqual([REDACTED, REDACTED]);
  });

  it('leaves lines that only share short runs with a value', () => {
    const { window, shown } = windowed();
    for (const line of ['cnry', 'zzzz', 'TOK-', 'qqqq']) window.push(line);
    window.flush();
    expect(shown).toEqual(['cnry', 'zzzz', 'TOK-', 'qqqq']);
  });
});
