import { describe, expect, it } from 'vitest';
import { caseLine } from './protocol.ts';

describe('caseLine', () => {
  it("stays one line for every line reader, U+2028 and U+2029 in a caller's string included, and parses back to the same input", () => {
    const input = { Token: ' a\u2028b\u2029c\n\r\u0085\u0000\ud800 ', ClientId: 'x\u2028' };
    const line = caseLine('c1', input, 'http://127.0.0.1:1/', 'us-east-1');
    // Node 24's readline ends a line at U+2028 and U+2029 as well as at CR and LF.
    expect(line.split(/\r\n|\n|\r|\u2028|\u2029/)).toHaveLength(1);
    expect(JSON.parse(line)).toEqual({ id: 'c1', input, endpoint: 'http://127.0.0.1:1/', region: 'us-east-1' });
  });
});
