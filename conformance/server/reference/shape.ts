/**
 * Just enough of Smithy's shape system to validate the inputs of the operations the
 * reference server implements: the types and the constraint traits those inputs use.
 * @internal
 */
export type Shape = StringShape | BooleanShape | IntegerShape | ListShape | MapShape | StructureShape;

/** @internal */
export interface Pattern {
  regex: RegExp;
  /** The pattern as validation messages print it: the model's text, without anchors. */
  text: string;
}

/** @internal */
export interface StringShape {
  type: 'string';
  min?: number;
  max?: number;
  pattern?: Pattern;
  enum?: readonly string[];
  sensitive?: boolean;
}

/** @internal */
export interface BooleanShape {
  type: 'boolean';
}

/** @internal */
export interface IntegerShape {
  type: 'integer';
  min?: number;
  max?: number;
}

/** @internal */
export interface ListShape {
  type: 'list';
  member: Shape;
}

/** @internal */
export interface MapShape {
  type: 'map';
  value: Shape;
  sensitive?: boolean;
}

/** @internal */
export interface StructureShape {
  type: 'structure';
  members: Readonly<Record<string, Member>>;
}

/** @internal */
export interface Member {
  shape: Shape;
  required?: boolean;
}

/**
 * Builds a pattern from the model's text. Smithy patterns are not implicitly anchored;
 * Cognito's are anchored in the model, so the text here is the part between the anchors.
 * @internal
 */
export function pattern(text: string): Pattern {
  // The `u` flag is needed for \p{...} classes; the plain ones keep the model's meaning without it.
  const flags = text.includes('\\p{') ? 'u' : '';
  return { regex: new RegExp(`^(?:${text})$`, flags), text };
}

/** @internal */
export function structure(members: Record<string, Member>): StructureShape {
  return { type: 'structure', members };
}

/** @internal */
export function required(shape: Shape): Member {
  return { shape, required: true };
}

/** @internal */
export function optional(shape: Shape): Member {
  return { shape };
}
