import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedBodyError, parseRequestBody } from './request-body.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseRequestBody', () => {
  it('reads an empty body as {}', () => {
    expect(parseRequestBody(new Uint8Array(0))).toEqual({});
  });

  it('drops null members at every depth and keeps unknown members for the validator to ignore', () => {
    expect(parseRequestBody(bytes('{"Token":"a","ClientSecret":null,"Extra":{"x":null,"y":1},"List":[{"z":null}]}'))).toEqual({
      Token: 'a',
      Extra: { y: 1 },
      List: [{}],
    });
  });

  it('keeps a member called __proto__ as plain data', () => {
    const parsed = parseRequestBody(bytes('{"__proto__":{"polluted":true}}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects text that is not JSON', () => {
    for (const text of ['{[', '{ "int": 10 }abc', 'abc{ "int": 10 }', '{"a": 1,}', "{'a': 1}", '{"a": 1 // c\n}', ' ']) {
      expect(() => parseRequestBody(bytes(text)), text).toThrow(MalformedBodyError);
    }
  });

  it('rejects JSON whose top level is not an object', () => {
    for (const text of ['[{"a":1}]', '10', 'null', '"x"', 'true']) {
      expect(() => parseRequestBody(bytes(text)), text).toThrow('must be a JSON object');
    }
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(() => parseRequestBody(Uint8Array.from([0x7b, 0xff, 0x7d]))).toThrow('UTF-8');
  });

  it('never returns a null member, for any JSON object', () => {
    fc.assert(
      fc.property(fc.object({ values: [fc.constant(null), fc.string(), fc.integer()] }), (object) => {
        expect(hasNullMember(parseRequestBody(bytes(JSON.stringify(object))))).toBe(false);
      }),
    );
  });
});

function hasNullMember(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullMember);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((member) => member === null || hasNullMember(member));
}
