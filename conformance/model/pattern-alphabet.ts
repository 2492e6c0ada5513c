/**
 * A pattern that accepts exactly the strings over one set of characters: `^[...]+$`,
 * `^\w*$` and the like. Most Smithy string patterns have this form, and for it generating
 * values is easy: any sequence of allowed characters matches, and one foreign character
 * anywhere makes the string fail.
 * @internal
 */
export interface RepeatedCharacterPattern {
  /** Every character (code point) the pattern allows, in code point order. */
  readonly alphabet: readonly string[];
  /** Tells whether one character is in the alphabet. */
  readonly allows: (character: string) => boolean;
  /** 1 for `+`, 0 for `*`: the fewest characters the pattern accepts. */
  readonly minRepeat: 0 | 1;
}

// `^` + one atom (a bracket class, a class escape or the dot) + `+` or `*` + `$`, and nothing else.
const REPEATED_ATOM = /^\^(\[(?:\\.|[^\\\]])+\]|\\[dDwWsS]|\.)([+*])\$$/;
const cache = new Map<string, RepeatedCharacterPattern | undefined>();

/**
 * The alphabet of a pattern of the `^<atom>+$` or `^<atom>*$` form, or undefined for any other
 * pattern. The alphabet is found by asking the atom about every code point, so it is exact,
 * whatever the class says. The `u` flag is used, as JSON Schema validators do.
 * @internal
 */
export function repeatedCharacterPattern(pattern: string): RepeatedCharacterPattern | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  const match = REPEATED_ATOM.exec(pattern);
  let result: RepeatedCharacterPattern | undefined;
  if (match) {
    const atom = new RegExp(`^${match[1]}$`, 'u');
    const alphabet: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (atom.test(character)) alphabet.push(character);
    }
    const set = new Set(alphabet);
    result = { alphabet, allows: (character) => set.has(character), minRepeat: match[2] === '+' ? 1 : 0 };
  }
  cache.set(pattern, result);
  return result;
}
