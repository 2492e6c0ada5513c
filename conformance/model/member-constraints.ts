import type { MemberContract } from './contract.ts';

/**
 * A constraint a single member value can break, named like the JSON Schema keyword that
 * checks it.
 * @internal
 */
export type MemberConstraint = 'required' | 'type' | 'pattern' | 'minLength' | 'maxLength' | 'enum';

/**
 * Length as Smithy counts it: Unicode code points, a surrogate pair being one.
 * @internal
 */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

const patterns = new Map<string, RegExp>();
// The `u` flag, as JSON Schema validators use; a regex without `g` keeps no state between tests.
function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
}

/**
 * The constraints of a member that a value breaks (undefined meaning "absent"), worked out
 * from the model's data alone. It is an oracle independent of the generated validators, so
 * that each can be checked against the other. Only string and enum members are understood.
 * @internal
 */
export function constraintsBrokenBy(member: MemberContract, value: unknown): MemberConstraint[] {
  if (member.type !== 'string' && member.type !== 'enum') throw new Error(`${member.name}: ${member.type} members are not supported`);
  if (value === undefined) return member.required ? ['required'] : [];
  if (typeof value !== 'string') return ['type'];
  const broken: MemberConstraint[] = [];
  const length = codePointLength(value);
  if (member.length?.min !== undefined && length < member.length.min) broken.push('minLength');
  if (member.length?.max !== undefined && length > member.length.max) broken.push('maxLength');
  if (member.pattern !== undefined && !compiled(member.pattern).test(value)) broken.push('pattern');
  if (member.enumValues && !member.enumValues.includes(value)) broken.push('enum');
  return broken;
}
