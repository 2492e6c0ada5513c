import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonKind, jsonKind, jsonValueOf, jsonValueOtherThan } from './json-values.ts';

describe('json values', () => {
  it('names the kind of every JSON value', () => {
    expect([null, true, 1.5, 'x', [], {}].map(jsonKind)).toEqual(['null', 'boolean', 'number', 'string', 'array', 'object']);
    expect(() => jsonKind(undefined)).toThrow(TypeError);
  });

  it('generates only the kinds asked for, and every kind but the excluded ones', () => {
    fc.assert(fc.property(jsonValueOf('array', 'null'), (v) => ['array', 'null'].includes(jsonKind(v))));
    const seen = new Set<JsonKind>(fc.sample(jsonValueOtherThan('string'), 300).map(jsonKind));
    expect([...seen].sort()).toEqual(['array', 'boolean', 'null', 'number', 'object']);
  });

  it('produces values that survive a JSON round trip', () => {
    fc.assert(
      fc.property(jsonValueOf(), (v) => {
        expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      }),
    );
  });
});
