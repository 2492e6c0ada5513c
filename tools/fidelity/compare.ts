// Compares our operation description with another source's and names every difference by
// the shape (or Shape.member) it concerns and the trait that differs.
import type { Members, OperationDescription } from './description.ts';

export type Value = string | number | boolean | string[] | null;

export interface Difference {
  /** Who we are compared with: `botocore`, `npm`, ... */
  source: string;
  /** A shape name (`ClientIdType`), or `Structure.member` for member-level traits. */
  subject: string;
  trait: Trait;
  ours: Value;
  theirs: Value;
}

export const TRAITS = [
  'signed',
  'input',
  'output',
  'presence',
  'target',
  'required',
  'sensitive',
  'length.min',
  'length.max',
  'pattern',
  'enum',
  'fault',
  'httpStatus',
] as const;

export type Trait = (typeof TRAITS)[number];

function sameValue(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

class Collector {
  readonly differences: Difference[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly source: string) {}

  add(subject: string, trait: Trait, ours: Value, theirs: Value): void {
    if (sameValue(ours, theirs)) return;
    // A shape used by several members (MessageType by every error) differs once, not once per use.
    const key = JSON.stringify([subject, trait, ours, theirs]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.differences.push({ source: this.source, subject, trait, ours, theirs });
  }
}

function presence(present: boolean): string {
  return present ? 'present' : 'absent';
}

function compareMembers(out: Collector, structure: string, ours: Members, theirs: Members): void {
  const names = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
  for (const name of names) {
    const path = `${structure}.${name}`;
    const a = ours[name];
    const b = theirs[name];
    if (!a || !b) {
      out.add(path, 'presence', presence(Boolean(a)), presence(Boolean(b)));
      continue;
    }
    out.add(path, 'target', a.target, b.target);
    out.add(path, 'required', a.required, b.required);
    // Constraint traits belong to the target shape, so they are reported under its name.
    const shape = a.target ?? b.target ?? path;
    out.add(shape, 'sensitive', a.sensitive, b.sensitive);
    out.add(shape, 'length.min', a.lengthMin, b.lengthMin);
    out.add(shape, 'length.max', a.lengthMax, b.lengthMax);
    out.add(shape, 'pattern', a.pattern, b.pattern);
    out.add(shape, 'enum', a.enumValues, b.enumValues);
  }
}

export function compareDescriptions(ours: OperationDescription, theirs: OperationDescription, source: string): Difference[] {
  const out = new Collector(source);
  const operation = ours.operation;
  out.add(operation, 'signed', ours.signed, theirs.signed);
  out.add(operation, 'input', ours.input.shape, theirs.input.shape);
  out.add(operation, 'output', ours.output.shape, theirs.output.shape);
  compareMembers(out, ours.input.shape, ours.input.members, theirs.input.members);
  compareMembers(out, ours.output.shape, ours.output.members, theirs.output.members);

  const errorNames = [...new Set([...Object.keys(ours.errors), ...Object.keys(theirs.errors)])].sort();
  for (const name of errorNames) {
    const a = ours.errors[name];
    const b = theirs.errors[name];
    if (!a || !b) {
      // Presence of an error means: listed among the operation's errors.
      out.add(name, 'presence', presence(Boolean(a)), presence(Boolean(b)));
      continue;
    }
    out.add(name, 'fault', a.fault, b.fault);
    out.add(name, 'httpStatus', a.httpStatus, b.httpStatus);
    compareMembers(out, name, a.members, b.members);
  }
  return out.differences;
}

/** Values as they appear in a model: strings quoted but not escaped, null as (none). */
export function formatValue(value: Value): string {
  if (value === null) return '(none)';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

/** `ClientIdType pattern: ours "^[\w+]+$", botocore "[\w+]+"` */
export function formatDifference(difference: Difference): string {
  // present/absent are words, not model values, so they go unquoted.
  const show = difference.trait === 'presence' ? String : formatValue;
  return `${difference.subject} ${difference.trait}: ours ${show(difference.ours)}, ${difference.source} ${show(difference.theirs)}`;
}
