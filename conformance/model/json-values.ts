import fc from 'fast-check';

/**
 * The six kinds of JSON value, as JSON Schema's `type` names them (integers count as numbers).
 * @internal
 */
export type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/**
 * The kind of a value that came from JSON.parse (anything else, such as undefined, throws).
 * @internal
 */
export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'string':
    case 'object':
      return typeof value as JsonKind;
    default:
      throw new TypeError(`a ${typeof value} is not a JSON value`);
  }
}

// Small containers: their content never matters to a type check, only their kind.
const byKind: Record<JsonKind, fc.Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  // -0 is left out: JSON.stringify writes it as 0, so it would not survive the wire.
  number: fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  ),
  string: fc.string(),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
};

/**
 * JSON values of the given kinds, or of every kind when none is given.
 * @internal
 */
export function jsonValueOf(...kinds: JsonKind[]): fc.Arbitrary<unknown> {
  const chosen = kinds.length > 0 ? kinds : (Object.keys(byKind) as JsonKind[]);
  return fc.oneof(...chosen.map((kind) => byKind[kind]));
}

/**
 * JSON values of any kind but the given ones: what a member of the wrong JSON type looks like.
 * @internal
 */
export function jsonValueOtherThan(...kinds: JsonKind[]): fc.Arbitrary<unknown> {
  const others = (Object.keys(byKind) as JsonKind[]).filter((kind) => !kinds.includes(kind));
  if (others.length === 0) throw new Error('every JSON kind is excluded');
  return jsonValueOf(...others);
}
