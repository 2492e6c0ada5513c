import { describe, expect, it } from 'vitest';
import type { MemberContract } from './contract.ts';
import { codePointLength, constraintsBrokenBy } from './member-constraints.ts';

const secret: MemberContract = { name: 'S', target: 'x#S', type: 'string', required: true, sensitive: true, length: { min: 2, max: 4 }, pattern: '^[a-z]+$' };
const mode: MemberContract = { name: 'M', target: 'x#M', type: 'enum', required: false, sensitive: false, enumValues: ['ON', 'OFF'] };

describe('constraintsBrokenBy', () => {
  it.each([
    ['abc', []],
    [undefined, ['required']],
    [3, ['type']],
    [null, ['type']],
    ['a', ['minLength']],
    ['abcde', ['maxLength']],
    ['ab1', ['pattern']],
    ['', ['minLength', 'pattern']],
    ['ABCDEF', ['maxLength', 'pattern']],
  ])('%j breaks %j of a required, bounded, patterned string', (value, broken) => {
    expect(constraintsBrokenBy(secret, value)).toEqual(broken);
  });

  it('knows enums, and that an absent optional member breaks nothing', () => {
    expect(constraintsBrokenBy(mode, 'ON')).toEqual([]);
    expect(constraintsBrokenBy(mode, 'on')).toEqual(['enum']);
    expect(constraintsBrokenBy(mode, undefined)).toEqual([]);
  });

  it('counts code points, as Smithy does', () => {
    expect(codePointLength('😀😀')).toBe(2);
    expect(constraintsBrokenBy({ ...secret, pattern: undefined }, '😀😀')).toEqual([]);
  });
});
