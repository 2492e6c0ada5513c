import type { Level, Verdict } from '../judging/check.ts';
import type { Result } from '../run/result.ts';

/**
 * What every report says first when cases fail: the causes. A systematic fault (one wrong
 * header) fails dozens of cases with the same verdict; reports roll them up by rule and
 * collapse cases whose verdicts are identical, so the reader sees one cause once.
 */

/** The verdicts that made a result count as failing (none for a pass or an expected failure). */
export function failingVerdicts(result: Result): readonly Verdict[] {
  return result.classified.kind === 'fail' ? result.classified.failures : [];
}

const LEVEL_RANK: Record<Level, number> = { must: 0, should: 1 };

/** A value of a verdict short enough for a headline; the full value stays in the detail. */
function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}

/** One line that says what broke: `C4: expected X-Amz-Target: A, got X-Amz-Target: a`. */
export function headline(verdict: Verdict): string {
  if (verdict.expected === undefined && verdict.actual === undefined) return `${verdict.check}: ${verdict.title}`;
  return `${verdict.check}: expected ${clip(verdict.expected ?? '(nothing)')}, got ${clip(verdict.actual ?? '(nothing)')}`;
}

/** The headline of a failing result: its first verdict, and how many more rules failed. */
export function resultHeadline(result: Result): string {
  const c = result.classified;
  if (c.kind === 'unexpected-pass') return `unexpected pass: expected ${c.expectations.map((e) => e.check ?? 'a failure').join(', ')} to fail`;
  const verdicts = failingVerdicts(result);
  if (verdicts.length === 0) return '';
  const more =
    verdicts.length > 1
      ? ` (and ${verdicts.length - 1} more: ${verdicts
          .slice(1)
          .map((v) => v.check)
          .join(', ')})`
      : '';
  return `${headline(verdicts[0]!)}${more}`;
}

/** The size of a case's input as a reader sees it: fixtures have none beyond their file. */
const counterexampleSize = (result: Result) => (result.counterexample ? JSON.stringify(result.counterexample).length : 0);

/**
 * The simplest case that failed `rules` (one rule of a roll-up, or the rules of one verdict
 * group), to stand for them. Simplest, in this order:
 * 1. the case is tagged with the rules: it was written to exercise them, so its description is
 *    about them (not a case that breaks them by the way, such as an emulator's quirk);
 * 2. the fewest failed rules: the failure alone, not mixed with others;
 * 3. a fixture before a property, then the shortest counterexample;
 * 4. the fewest tags: a case about one thing;
 * 5. the first in run order.
 */
export function simplestFor(rules: string | readonly string[], cases: readonly Result[]): Result {
  const wanted = typeof rules === 'string' ? [rules] : rules;
  const rank = (r: Result) => [
    wanted.filter((rule) => !r.tags?.includes(rule)).length,
    failingVerdicts(r).length,
    r.kind === 'fixture' || r.kind === 'scripted' ? 0 : 1,
    counterexampleSize(r),
    r.tags?.length ?? Number.MAX_SAFE_INTEGER,
  ];
  const ranked = cases.map((r, order) => ({ r, key: [...rank(r), order] }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });
  return ranked[0]!.r;
}

/** One failed rule across the run. */
export interface RuleRollup {
  rule: string;
  /** The most severe level it failed at. */
  level: Level;
  title: string;
  cases: Result[];
  /** The case to show (see {@link simplestFor}), and its verdict for this rule. */
  example: Result;
  verdict: Verdict;
}

/** Failed rules, most cases first (then must before should, then by rule id). */
export function rollupByRule(results: readonly Result[]): RuleRollup[] {
  const byRule = new Map<string, { level: Level; title: string; cases: Result[] }>();
  for (const result of results) {
    for (const v of failingVerdicts(result)) {
      const entry = byRule.get(v.check) ?? { level: v.level, title: v.title, cases: [] };
      if (LEVEL_RANK[v.level] < LEVEL_RANK[entry.level]) entry.level = v.level;
      if (!entry.cases.includes(result)) entry.cases.push(result);
      byRule.set(v.check, entry);
    }
  }
  return [...byRule.entries()]
    .map(([rule, { level, title, cases }]) => {
      const example = simplestFor(rule, cases);
      const verdict = failingVerdicts(example).find((v) => v.check === rule)!;
      return { rule, level, title, cases, example, verdict };
    })
    .sort((a, b) => b.cases.length - a.cases.length || LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}

/** Failing results whose verdicts are the same (rule, level, expected and actual), in run order. */
export interface SameVerdictGroup {
  verdicts: readonly Verdict[];
  /** The first case shows the group; the rest are listed by id. */
  cases: Result[];
}

// Server verdicts name the step they saw (`[claim-refuses-get]`, the case's own id): the same
// fault in two cases is the same verdict up to that name.
const withoutOwnId = (text: string | undefined, id: string) => text?.split(id).join('<case>');
const verdictKey = (result: Result) =>
  JSON.stringify(failingVerdicts(result).map((v) => [v.check, v.level, v.title, withoutOwnId(v.expected, result.id), withoutOwnId(v.actual, result.id)]));

/** Groups the failed cases (not the unexpected passes) by identical verdicts. */
export function sameVerdictGroups(results: readonly Result[]): SameVerdictGroup[] {
  const groups = new Map<string, SameVerdictGroup>();
  for (const result of results) {
    if (result.classified.kind !== 'fail') continue;
    const key = verdictKey(result);
    const group = groups.get(key) ?? { verdicts: failingVerdicts(result), cases: [] };
    group.cases.push(result);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Ids joined into lines of at most `width` characters, for listing many cases compactly. */
export function wrapIds(ids: readonly string[], width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const id of ids) {
    const next = line === '' ? id : `${line}, ${id}`;
    if (next.length > width && line !== '') {
      lines.push(`${line},`);
      line = id;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}
