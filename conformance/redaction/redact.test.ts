import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SensitiveValues, sensitiveMembersOfBody } from './redact.ts';

describe('SensitiveValues', () => {
  it('leaves no trace of a value, bare, quoted or JSON-escaped', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 40 }).filter((v) => !'[redacted]'.includes(v)),
        fc.string(),
        (secret, around) => {
          const values = new SensitiveValues();
          values.add(secret);
          const text = `${around}${secret}${around} ${JSON.stringify({ value: secret })}`;
          expect(values.redact(text)).not.toContain(secret);
          expect(values.redact(text)).not.toContain(JSON.stringify(secret).slice(1, -1));
        },
      ),
    );
  });

  it('replaces a short value only where it stands quoted', () => {
    const values = new SensitiveValues();
    values.add('ab');
    expect(values.redact('about "ab"')).toBe('about "[redacted]"');
  });

  it('redacts longer values first, so no fragment survives', () => {
    const values = new SensitiveValues();
    values.add('secret', 'secret-and-more');
    expect(values.redact('x secret-and-more y')).toBe('x [redacted] y');
  });

  it('redacts the strings of a structure, and does nothing when switched off', () => {
    const values = new SensitiveValues();
    values.add('tok.en-123');
    expect(values.redactValue({ request: { Token: 'tok.en-123', other: 'x' } })).toEqual({ request: { Token: '[redacted]', other: 'x' } });
    const off = new SensitiveValues(false);
    off.add('tok.en-123');
    expect(off.redact('tok.en-123')).toBe('tok.en-123');
  });
});

describe('redactValue', () => {
  it('walks a structure: never throws, keeps it valid, leaves no trace of the value, whatever characters it holds', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 30 }).filter((v) => !'[redacted]'.includes(v)),
        fc.string(),
        (secret, other) => {
          const values = new SensitiveValues();
          values.add(secret);
          const redacted = values.redactValue({ request: { Token: secret, note: `${other}${secret}` }, list: [secret, { [secret]: 1 }], n: 3 });
          const text = JSON.stringify(redacted);
          expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
          expect(redacted.n).toBe(3);
        },
      ),
    );
  });

  it('replaces a sensitive member whatever it holds, known value or not', () => {
    const values = new SensitiveValues();
    expect(values.redactValue({ Token: 'TOKEN-THE-CLIENT-ALTERED', ClientId: 'x', Other: 'kept' })).toEqual({
      Token: '[redacted]',
      ClientId: '[redacted]',
      Other: 'kept',
    });
  });
});

describe('sensitiveMembersOfBody', () => {
  it('finds the sensitive members at any depth and letter case, and ignores a body that is not JSON', () => {
    expect(sensitiveMembersOfBody('{"Token":"t1","nested":[{"clientId":"c1"}],"ClientSecret":""}')).toEqual(expect.arrayContaining(['t1', 'c1']));
    expect(sensitiveMembersOfBody('not json')).toEqual([]);
  });

  it('survives a hostile body nested far deeper than the call stack', () => {
    const depth = 200_000;
    const body = `${'['.repeat(depth)}{"Token":"deep-token-value"}${']'.repeat(depth)}`;
    // JSON.parse takes this; a recursive walk of it overflows the stack (RangeError).
    expect(sensitiveMembersOfBody(body)).toEqual(['deep-token-value']);
  });
});
