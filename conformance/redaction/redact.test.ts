import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_LENGTH, REDACTED, SensitiveValues, sensitiveMembersOfBody } from './redact.ts';

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

describe('fragments: a value the client cut, re-cased, reversed or quoted in part', () => {
  const secret = 'Canary-Token-Q7xZ9pL2mW4vR8sK1';
  const values = new SensitiveValues();
  values.add(secret);
  const reversed = [...secret].reverse().join('');
  it.each([
    ['truncated', secret.slice(0, 12)],
    ['upper-cased', secret.toUpperCase()],
    ['lower-cased', secret.toLowerCase()],
    ['reversed', reversed],
    ['wrapped in a prefix and a suffix', `xx${secret}yy`],
    ['a middle substring of 8 characters', secret.slice(9, 17)],
    ['JSON-escaped inside a longer string', JSON.stringify({ note: `got ${secret.slice(3)}` })],
  ])('%s', (_how, leaked) => {
    const text = values.redact(`the client said: ${leaked} (done)`);
    expect(text).toContain(REDACTED);
    for (let i = 0; i + FRAGMENT_LENGTH <= secret.length; i += 1) {
      const fragment = secret.slice(i, i + FRAGMENT_LENGTH).toLowerCase();
      expect(text.toLowerCase()).not.toContain(fragment);
      expect(text.toLowerCase()).not.toContain([...fragment].reverse().join(''));
    }
    expect(text).toMatch(/^the client said: .*\(done\)$/);
  });

  it('leaves text that shares fewer than 8 characters in a row with a value', () => {
    expect(values.redact('Canary-T and Q7xZ9pL are short runs')).toBe('Canary-T and Q7xZ9pL are short runs'.replace('Canary-T', REDACTED));
    expect(values.redact('Canary- Q7xZ9pL')).toBe('Canary- Q7xZ9pL');
  });

  it('redacts whatever a sensitive member holds when written out in text, known or not', () => {
    expect(values.redact('crash: Token=abc.def ClientId=someone, ClientSecret: "s3cr3t"')).toBe(
      `crash: Token=${REDACTED} ClientId=${REDACTED}, ClientSecret: ${REDACTED}`,
    );
    expect(values.redact('{"Token":"unknown-value","x":1}')).toBe(`{"Token":"${REDACTED}","x":1}`);
    expect(values.redact('invalid token: expired')).toBe('invalid token: expired');
  });
});

describe('redactValue on hostile structures', () => {
  it('walks a structure nested far deeper than the call stack', () => {
    let deep: unknown = { Token: 'deep-secret-value-123' };
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const values = new SensitiveValues();
    expect(() => values.redactValue(deep)).not.toThrow();
  });

  it('cuts a cycle, replaces sensitive members in any letter case, and survives a throwing getter', () => {
    const values = new SensitiveValues();
    const cyclic: Record<string, unknown> = { clientSecret: 'x', client_id: 'y' };
    cyclic['self'] = cyclic;
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('Token=leaked-through-a-getter');
        },
      },
    );
    expect(values.redactValue({ cyclic, hostile })).toEqual({
      cyclic: { clientSecret: REDACTED, client_id: REDACTED, self: '[seen above]' },
      hostile: '[unreadable]',
    });
  });
});
