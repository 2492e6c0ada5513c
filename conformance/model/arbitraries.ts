import fc from 'fast-check';
import type { ErrorEnvelope, RevokeTokenRequest } from '../../generated/index.ts';
import { type ErrorContract, type MemberContract, type OperationContract, revokeToken } from './contract.ts';
import { jsonValueOtherThan } from './json-values.ts';
import { constraintsBrokenBy, type MemberConstraint } from './member-constraints.ts';
import { type RepeatedCharacterPattern, repeatedCharacterPattern } from './pattern-alphabet.ts';

/**
 * Knobs for the arbitraries.
 * @internal
 */
export interface ArbitraryOptions {
  /**
   * The longest value of a member whose model sets no maximum length, such as Token. Real
   * refresh tokens are a few kilobytes; the default, 16384, leaves room for larger ones.
   */
  readonly maxUnboundedLength?: number;
}

/**
 * A constraint a request can break: one of a member's, or carrying a member the model lacks.
 * @internal
 */
export type BreakableConstraint = MemberConstraint | 'additionalProperties';

/**
 * A member and one of its constraints. `member` is `(root)` for the request as a whole (its
 * JSON type), and the added member's name for `additionalProperties`.
 * @internal
 */
export interface ConstraintCase {
  readonly member: string;
  readonly constraint: BreakableConstraint;
}

/**
 * A request that breaks exactly one constraint, and which.
 * @internal
 */
export interface BrokenRequest extends ConstraintCase {
  readonly value: unknown;
}

const DEFAULT_MAX_UNBOUNDED_LENGTH = 16_384;
const ROOT = '(root)';

// Lengths where implementations cut or break: byte and buffer limits (255, 1 KiB, 2 KiB, 4 KiB,
// 8 KiB) and their neighbours. Generated as they are, so a client that cuts at one is caught
// at once, and shrunk through, so its counterexample lands next to the limit.
const BOUNDARY_LENGTHS = [1, 2, 255, 256, 1024, 1025, 2047, 2048, 2049, 4095, 4096, 4097, 8192, 8193];

/**
 * Lengths between two bounds: the bounds and the boundary lengths between them every few
 * values, short lengths most of the time (quick to check, easy to read when a run fails), and
 * now and then anything up to the maximum, so that multi-kilobyte values do turn up. Every
 * branch is an integer or a constant, so a length shrinks by halving towards the minimum (a
 * few dozen steps from 16 KB), never one character at a time.
 */
function lengthBetween(min: number, max: number): fc.Arbitrary<number> {
  const boundaries = [min, ...BOUNDARY_LENGTHS.filter((length) => length > min && length < max), max];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...new Set(boundaries)), weight: 1 },
    { arbitrary: fc.integer({ min, max: Math.min(max, min + 40) }), weight: 3 },
    { arbitrary: fc.integer({ min, max }), weight: 1 },
  );
}

// The most distinct characters one string is drawn from: its characters cycle through these.
const MOTIF_LENGTH = 64;

/**
 * Strings of a given length from a short motif repeated: a length and up to 64 characters,
 * not one value per character. A 16 KB value then costs what a 64-character one does to
 * generate and, above all, to shrink: the length halves towards its bound and the motif has
 * at most 64 characters to try, where an array of 16,384 characters shrank one at a time and
 * let a failing client's run go on for minutes.
 */
function motifString(characters: fc.Arbitrary<string>, lengths: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return fc.tuple(lengths, fc.array(characters, { minLength: 1, maxLength: MOTIF_LENGTH })).map(([length, motif]) => {
    const out: string[] = new Array(length);
    for (let i = 0; i < length; i++) out[i] = motif[i % motif.length]!;
    return out.join('');
  });
}

/** Strings drawn from an alphabet (see {@link motifString}). */
function stringOver(alphabet: readonly string[], lengths: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return motifString(fc.constantFrom(...alphabet), lengths);
}

// Characters that tell implementations apart: separators, the characters one pattern allows
// and a neighbour's does not (`=`, `.`, `-`, `+`), letters and digits that Unicode-aware
// regex engines (Python's `\w`) accept but ECMAScript's do not, invisible characters, and a
// character outside the BMP. The ones a pattern allows are dropped per pattern.
const SUSPECTS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '/',
  '+',
  '=',
  '.',
  '-',
  '_',
  '%',
  '"',
  "'",
  '\\',
  ':',
  '#',
  '@',
  'é',
  'ß',
  'Ω',
  '١',
  '\u00a0',
  '\u200b',
  '\u{1F600}',
  '\u{10FFFF}',
];

/** Single characters a pattern of the repeated-character form rejects. */
function foreignCharacter(shape: RepeatedCharacterPattern): fc.Arbitrary<string> {
  const foreign = new Set(SUSPECTS.filter((c) => !shape.allows(c)));
  // The first foreign code points too, so a pattern that allows nearly everything still has some.
  for (let codePoint = 0; foreign.size < SUSPECTS.length + 64 && codePoint < 0x10000; codePoint++) {
    const c = String.fromCodePoint(codePoint);
    if ((codePoint < 0xd800 || codePoint > 0xdfff) && !shape.allows(c)) foreign.add(c);
  }
  if (foreign.size === 0) throw new Error('the pattern allows every character; no value breaks it');
  const anyCodePoint = fc
    .integer({ min: 0, max: 0x10ffff })
    .filter((cp) => cp < 0xd800 || cp > 0xdfff)
    .map((cp) => String.fromCodePoint(cp))
    .filter((c) => !shape.allows(c));
  // Random code points only when they are mostly foreign, or the filter would spin.
  return shape.alphabet.length < 0x8000 ? fc.oneof(fc.constantFrom(...foreign), anyCodePoint) : fc.constantFrom(...foreign);
}

// Any code point but lone surrogates, printable ASCII being the most common.
const anyCharacter = fc
  .oneof(
    { arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff), weight: 1 },
  )
  .map((cp) => String.fromCodePoint(cp));

/** Strings of any code points; the length counts code points, as Smithy does. */
function anyString(min: number, max: number): fc.Arbitrary<string> {
  return motifString(anyCharacter, lengthBetween(min, max));
}

function memberBounds(member: MemberContract, options: ArbitraryOptions) {
  const shape = member.pattern !== undefined ? repeatedCharacterPattern(member.pattern) : undefined;
  const min = Math.max(member.length?.min ?? 0, shape?.minRepeat ?? 0);
  const max = member.length?.max ?? Math.max(min, options.maxUnboundedLength ?? DEFAULT_MAX_UNBOUNDED_LENGTH);
  return { shape, min, max };
}

/**
 * Values that satisfy every constraint the model puts on a member: its enum values, or
 * strings whose length is within bounds and whose every character the pattern allows, all
 * of them over time. A pattern of another form falls back to fast-check's stringMatching,
 * filtered to the length bounds.
 * @internal
 */
export function validMemberValue(member: MemberContract, options: ArbitraryOptions = {}): fc.Arbitrary<string> {
  if (member.type !== 'string' && member.type !== 'enum') throw new Error(`${member.name}: ${member.type} members are not supported`);
  if (member.enumValues) return fc.constantFrom(...member.enumValues);
  const { shape, min, max } = memberBounds(member, options);
  if (min > max) throw new Error(`${member.name}: no string is between ${min} and ${max} characters long`);
  if (member.pattern === undefined) return anyString(min, max);
  if (shape) return stringOver(shape.alphabet, lengthBetween(min, max));
  return fc.stringMatching(new RegExp(member.pattern, 'u')).filter((s) => constraintsBrokenBy(member, s).length === 0);
}

function nearMisses(values: readonly string[]): string[] {
  return ['', ...values.flatMap((v) => [v.toLowerCase(), v.toUpperCase(), `${v.charAt(0)}${v.slice(1).toLowerCase()}`, ` ${v}`, `${v} `, v.slice(0, -1)])];
}

/**
 * Values of a member that break `constraint` and no other of its constraints, or undefined
 * when no value can: a minimum length of 1 under a `+` pattern, say, since the empty string
 * breaks both. Every candidate passes through the model-derived oracle, so "exactly one"
 * holds by construction, not by argument.
 * @internal
 */
export function memberValueBreaking(member: MemberContract, constraint: MemberConstraint, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> | undefined {
  const { shape, min, max } = memberBounds(member, options);
  const declaredMin = member.length?.min;
  const declaredMax = member.length?.max;
  let candidates: fc.Arbitrary<unknown> | undefined;
  switch (constraint) {
    case 'required':
      candidates = member.required ? fc.constant(undefined) : undefined;
      break;
    case 'type':
      candidates = jsonValueOtherThan('string');
      break;
    case 'enum':
      candidates = member.enumValues ? fc.oneof(fc.constantFrom(...nearMisses(member.enumValues)), fc.string()) : undefined;
      break;
    case 'minLength': {
      const floor = shape?.minRepeat ?? 0;
      if (declaredMin === undefined || floor > declaredMin - 1 || (member.pattern !== undefined && !shape)) break;
      candidates = shape ? stringOver(shape.alphabet, lengthBetween(floor, declaredMin - 1)) : anyString(0, declaredMin - 1);
      break;
    }
    case 'maxLength':
      if (declaredMax === undefined || (member.pattern !== undefined && !shape)) break;
      candidates = shape ? stringOver(shape.alphabet, lengthBetween(declaredMax + 1, declaredMax + 40)) : anyString(declaredMax + 1, declaredMax + 40);
      break;
    case 'pattern': {
      if (member.pattern === undefined) break;
      const lo = Math.max(min, 1);
      if (lo > max) break;
      if (shape) {
        candidates = fc.tuple(stringOver(shape.alphabet, lengthBetween(lo, max)), foreignCharacter(shape), fc.nat()).map(([valid, intruder, at]) => {
          const characters = [...valid];
          characters[at % characters.length] = intruder;
          return characters.join('');
        });
      } else {
        candidates = anyString(lo, Math.min(max, lo + 40));
      }
      break;
    }
  }
  return candidates?.filter((value) => {
    const broken = constraintsBrokenBy(member, value);
    return broken.length === 1 && broken[0] === constraint;
  });
}

const MEMBER_CONSTRAINTS: readonly MemberConstraint[] = ['required', 'type', 'pattern', 'minLength', 'maxLength', 'enum'];

function declares(member: MemberContract, constraint: MemberConstraint): boolean {
  switch (constraint) {
    case 'required':
      return member.required;
    case 'type':
      return true;
    case 'pattern':
      return member.pattern !== undefined;
    case 'minLength':
      return member.length?.min !== undefined;
    case 'maxLength':
      return member.length?.max !== undefined;
    case 'enum':
      return member.enumValues !== undefined;
  }
}

/**
 * Every constraint of an operation's input that a request can break on its own: the
 * request's JSON type, each member's constraints, and an unmodeled member.
 * @internal
 */
export function inputConstraintCases(contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): ConstraintCase[] {
  const cases: ConstraintCase[] = [{ member: ROOT, constraint: 'type' }];
  for (const member of contract.input.members) {
    for (const constraint of MEMBER_CONSTRAINTS) {
      if (declares(member, constraint) && memberValueBreaking(member, constraint, options)) cases.push({ member: member.name, constraint });
    }
  }
  cases.push({ member: '*', constraint: 'additionalProperties' });
  return cases;
}

/**
 * The constraints the model declares on the input that no value can break alone (each
 * such value breaks another constraint too). Kept visible so that a model change that makes
 * a constraint untestable shows up in review instead of vanishing from the suite.
 * @internal
 */
export function inputConstraintsNotBreakableAlone(contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): ConstraintCase[] {
  return contract.input.members.flatMap((member) =>
    MEMBER_CONSTRAINTS.filter((c) => declares(member, c) && !memberValueBreaking(member, c, options)).map((constraint) => ({
      member: member.name,
      constraint,
    })),
  );
}

/**
 * Valid inputs of an operation: every member within its constraints, each optional member
 * present in some values and absent in others.
 * @internal
 */
export function validInput(contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const members = contract.input.members;
  return fc.record(Object.fromEntries(members.map((m) => [m.name, validMemberValue(m, options)])), {
    requiredKeys: members.filter((m) => m.required).map((m) => m.name),
  });
}

// What a caller in some language can put in a string that no model pattern here allows:
// whitespace a form or a copy-paste leaves around a token, and within it C0 controls (U+0000
// among them: a C string ends there), DEL, C1's NEL, lone surrogates (JavaScript, Java and C#
// strings are UTF-16 and may hold them), characters outside the BMP, JSON's own escapes and
// invisible characters.
const CALLER_WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff'];
const CALLER_INTRUDERS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u{1F600}',
  '\u{10FFFF}',
  '"',
  '\\',
  '\u200b',
  ' ',
];

/**
 * One change a caller's string can carry: whitespace in place of its first and last
 * characters, or one of its characters replaced. Both keep the length in code points, so a
 * value stays within the member's length bounds.
 * @internal
 */
export type CallerEdit =
  | { readonly kind: 'surround'; readonly before: string; readonly after: string }
  | { readonly kind: 'replace'; readonly at: number; readonly with: string };

const callerEdit: fc.Arbitrary<CallerEdit> = fc.oneof(
  fc.record({ kind: fc.constant('surround' as const), before: fc.constantFrom(...CALLER_WHITESPACE), after: fc.constantFrom(...CALLER_WHITESPACE) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: fc.constantFrom(...CALLER_INTRUDERS) }),
);

/**
 * `value` with `edits` applied, code point by code point (a lone surrogate counts as one, as the
 * string iterator yields it).
 * @internal
 */
export function applyCallerEdits(value: string, edits: readonly CallerEdit[]): string {
  const characters = [...value];
  if (characters.length === 0) return value;
  for (const edit of edits) {
    if (edit.kind === 'surround') {
      characters[0] = edit.before;
      characters[characters.length - 1] = edit.after;
    } else {
      characters[edit.at % characters.length] = edit.with;
    }
  }
  return characters.join('');
}

/**
 * Inputs as a caller in any language can pass them: valid ones whose strings carry surrounding
 * whitespace, control characters, U+0000, lone surrogates or characters outside the BMP. Token
 * always carries at least one such change (so it always breaks its pattern); the other string
 * members do now and then. Lengths stay within the model's bounds; edits shrink towards one.
 * @internal
 */
export function callerInput(contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const edited = (required: boolean) => fc.array(callerEdit, { minLength: required ? 1 : 0, maxLength: 3 });
  const free = contract.input.members.filter((m) => m.type === 'string' && !m.enumValues).map((m) => m.name);
  return fc.tuple(validInput(contract, options), fc.record(Object.fromEntries(free.map((name) => [name, edited(name === 'Token')])))).map(([input, edits]) => {
    const out: Record<string, unknown> = { ...input };
    for (const [name, changes] of Object.entries(edits)) {
      const value = out[name];
      if (typeof value === 'string') out[name] = applyCallerEdits(value, changes as CallerEdit[]);
    }
    return out;
  });
}

/** Member names a model does not have: case slips of the real ones, the envelope's `__type`, and noise. */
function unmodeledName(contract: OperationContract): fc.Arbitrary<string> {
  const modeled = new Set(contract.input.members.map((m) => m.name));
  const slips = contract.input.members.flatMap((m) => [
    m.name.charAt(0).toLowerCase() + m.name.slice(1),
    m.name.toLowerCase(),
    m.name.toUpperCase(),
    `${m.name} `,
  ]);
  return fc.oneof(fc.constantFrom('__type', ...slips), fc.string({ minLength: 1, maxLength: 20 })).filter((name) => !modeled.has(name) && name !== '__proto__');
}

/**
 * Inputs that break exactly the constraint `which` names: everything else about them valid.
 * @internal
 */
export function inputBreaking(which: ConstraintCase, contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): fc.Arbitrary<BrokenRequest> {
  if (which.constraint === 'additionalProperties') {
    return fc.tuple(validInput(contract, options), unmodeledName(contract), fc.jsonValue({ maxDepth: 1 })).map(([input, name, extra]) => ({
      value: { ...input, [name]: extra },
      member: name,
      constraint: 'additionalProperties',
    }));
  }
  if (which.member === ROOT) {
    return jsonValueOtherThan('object').map((value) => ({ value, member: ROOT, constraint: 'type' }));
  }
  const member = contract.input.members.find((m) => m.name === which.member);
  if (!member) throw new Error(`${contract.input.shape} has no member ${which.member}`);
  const broken = memberValueBreaking(member, which.constraint, options);
  if (!broken) throw new Error(`no value breaks ${which.member} ${which.constraint} alone`);
  return fc.tuple(validInput(contract, options), broken).map(([input, bad]) => {
    const value: Record<string, unknown> = { ...input };
    if (bad === undefined) delete value[member.name];
    else value[member.name] = bad;
    return { value, member: member.name, constraint: which.constraint };
  });
}

/**
 * Inputs that break exactly one constraint, spread evenly over every case of
 * {@link inputConstraintCases}.
 * @internal
 */
export function inputBreakingOneConstraint(contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): fc.Arbitrary<BrokenRequest> {
  return fc.oneof(...inputConstraintCases(contract, options).map((c) => inputBreaking(c, contract, options)));
}

/**
 * Error bodies as the service sends them: `__type` with the bare name of a modeled error and
 * that error's members, each present or absent.
 * @internal
 */
export function errorEnvelope(contract: OperationContract = revokeToken, options: ArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  if (contract.errors.length === 0) throw new Error(`${contract.operation} models no errors`);
  return fc.constantFrom(...contract.errors).chain((error: ErrorContract) =>
    fc
      .record(Object.fromEntries(error.members.map((m) => [m.name, validMemberValue(m, { maxUnboundedLength: 200, ...options })])), {
        requiredKeys: error.members.filter((m) => m.required).map((m) => m.name),
      })
      .map((members) => ({ __type: error.name, ...members })),
  );
}

/**
 * Valid RevokeToken requests, derived from the model (see {@link validInput}).
 * @internal
 */
export function validRequest(options: ArbitraryOptions = {}): fc.Arbitrary<RevokeTokenRequest> {
  return validInput(revokeToken, options) as fc.Arbitrary<unknown> as fc.Arbitrary<RevokeTokenRequest>;
}

/**
 * RevokeToken requests that break exactly one constraint (see {@link inputBreakingOneConstraint}).
 * @internal
 */
export function requestBreakingOneConstraint(options: ArbitraryOptions = {}): fc.Arbitrary<BrokenRequest> {
  return inputBreakingOneConstraint(revokeToken, options);
}

/**
 * RevokeToken error bodies (see {@link errorEnvelope}).
 * @internal
 */
export function validErrorEnvelope(options: ArbitraryOptions = {}): fc.Arbitrary<ErrorEnvelope> {
  return errorEnvelope(revokeToken, options) as fc.Arbitrary<unknown> as fc.Arbitrary<ErrorEnvelope>;
}

/**
 * RevokeToken requests as a caller in any language can pass them (see {@link callerInput}).
 * @internal
 */
export function callerRequest(options: ArbitraryOptions = {}): fc.Arbitrary<RevokeTokenRequest> {
  return callerInput(revokeToken, options) as fc.Arbitrary<unknown> as fc.Arbitrary<RevokeTokenRequest>;
}
