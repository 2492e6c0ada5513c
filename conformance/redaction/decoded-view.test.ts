import { describe, expect, it } from 'vitest';
import { decodedView, textSpans } from './decoded-view.ts';

describe('decodedView', () => {
  it('is not built for text with nothing to decode or drop', () => {
    expect(decodedView('plain text, 42 cases: ok')).toBeUndefined();
  });

  it.each([
    ['percent-encoding', 'a%41%62c', 'aAbc'],
    ['%u escapes', '%u0041b', 'Ab'],
    ['\\u, \\u{} and \\x escapes', '\\u0041\\u{42}\\x43', 'ABC'],
    ['backslash escapes', '\\"q\\\\\\/', '"q\\/'],
    ['HTML references', '&#65;&#x42;&amp;&lt;', 'AB&<'],
    ['invisible characters', 'a\u200bb\u00adc\ufeffd\u2060e\ufe0f', 'abcde'],
    ['tag characters', '\u{e0041}\u{e0062}', 'Ab'],
    ['line breaks and the blanks around them', 'ab  \r\n   cd\n\tef\\ngh', 'abcdefgh'],
    ['what is not an escape', '100% & \\q &#xZZ;', '100% & \\q &#xZZ;'],
  ])('%s', (_what, text, view) => {
    expect(decodedView(text)?.text).toBe(view);
  });

  it('maps each view character back to the text it came from, and spans keep line breaks out', () => {
    const text = 'x %41B\nC\u200bD';
    const view = decodedView(text)!;
    expect(view.text).toBe('x ABCD');
    // 'A' came from '%41' (2..5), 'B' from 5..6.
    expect([view.start[2], view.end[2], view.start[3], view.end[3]]).toEqual([2, 5, 5, 6]);
    // 'A' to 'D' in the view: the text from '%41' to 'D', cut at the line break.
    expect(textSpans(view, 2, 6, text)).toEqual([
      [2, 6],
      [7, 10],
    ]);
  });
});
