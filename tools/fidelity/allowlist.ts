// The allow-list of expected differences (allowlist.json beside this file). An entry matches
// a difference when every field it states agrees with the difference; fields it leaves out
// match anything. So an entry can be as narrow as one value on one shape, or cover a whole
// trait for a source ("npm states no pattern anywhere"), and it still stops matching as soon
// as the source starts to say something else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';
import { type Difference, formatValue, TRAITS, type Trait, type Value } from './compare.ts';

/**
 * Equivalences an entry may declare instead of exact values.
 * implicit-anchors: their pattern has no ^ and $ because their format means a match of the
 * whole value; ours spells the anchors out. Equal once theirs is anchored.
 */
export const EQUIVALENCES = {
  'implicit-anchors': (ours: Value, theirs: Value): boolean =>
    typeof ours === 'string' && typeof theirs === 'string' && (ours === `^${theirs}$` || ours === `^(?:${theirs})$`),
} as const;

export type Equivalence = keyof typeof EQUIVALENCES;

export interface AllowEntry {
  source: string;
  trait: Trait;
  subject?: string;
  ours?: Value;
  theirs?: Value;
  equivalence?: Equivalence;
  reason: string;
}

export interface AllowList {
  about: string;
  entries: AllowEntry[];
}

export const ALLOWLIST_PATH = join(repoRoot, 'tools', 'fidelity', 'allowlist.json');

const ENTRY_KEYS = new Set(['source', 'trait', 'subject', 'ours', 'theirs', 'equivalence', 'reason']);

/** Reads and checks the allow-list; a malformed entry is an error naming its index. */
export function parseAllowList(text: string, knownSources: readonly string[]): AllowList {
  const data = JSON.parse(text) as { about?: unknown; entries?: unknown };
  if (typeof data.about !== 'string' || !Array.isArray(data.entries)) throw new Error('the allow-list needs an "about" text and an "entries" array');
  const entries = data.entries.map((raw: Record<string, unknown>, index: number): AllowEntry => {
    const where = `allow-list entry ${index}`;
    for (const key of Object.keys(raw)) if (!ENTRY_KEYS.has(key)) throw new Error(`${where}: unknown field "${key}"`);
    if (typeof raw.source !== 'string' || !knownSources.includes(raw.source)) throw new Error(`${where}: source must be one of ${knownSources.join(', ')}`);
    if (!TRAITS.includes(raw.trait as Trait)) throw new Error(`${where}: trait must be one of ${TRAITS.join(', ')}`);
    if (typeof raw.reason !== 'string' || raw.reason.trim().length < 20) throw new Error(`${where}: every entry needs a reason that explains the difference`);
    if (raw.subject !== undefined && typeof raw.subject !== 'string') throw new Error(`${where}: subject must be a string`);
    if (raw.equivalence !== undefined && !((raw.equivalence as string) in EQUIVALENCES)) {
      throw new Error(`${where}: equivalence must be one of ${Object.keys(EQUIVALENCES).join(', ')}`);
    }
    if (raw.equivalence === undefined && !('ours' in raw) && !('theirs' in raw)) {
      throw new Error(`${where}: state ours, theirs or an equivalence, so the entry cannot hide an arbitrary change`);
    }
    return raw as unknown as AllowEntry;
  });
  return { about: data.about, entries };
}

export function loadAllowList(knownSources: readonly string[], path: string = ALLOWLIST_PATH): AllowList {
  return parseAllowList(readFileSync(path, 'utf8'), knownSources);
}

function sameValue(a: Value | undefined, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function entryMatches(entry: AllowEntry, difference: Difference): boolean {
  if (entry.source !== difference.source || entry.trait !== difference.trait) return false;
  if (entry.subject !== undefined && entry.subject !== difference.subject) return false;
  if ('ours' in entry && !sameValue(entry.ours, difference.ours)) return false;
  if ('theirs' in entry && !sameValue(entry.theirs, difference.theirs)) return false;
  if (entry.equivalence && !EQUIVALENCES[entry.equivalence](difference.ours, difference.theirs)) return false;
  return true;
}

export interface Verdict {
  /** Differences no entry explains: each one is a failure. */
  unexpected: Difference[];
  /** Entries (of the sources compared) that explain no difference any more: also failures. */
  stale: AllowEntry[];
}

/** Sorts differences against the entries of the given sources. */
export function judge(differences: Difference[], entries: AllowEntry[], comparedSources: readonly string[]): Verdict {
  const relevant = entries.filter((entry) => comparedSources.includes(entry.source));
  const used = new Set<AllowEntry>();
  const unexpected: Difference[] = [];
  for (const difference of differences) {
    const matching = relevant.filter((entry) => entryMatches(entry, difference));
    for (const entry of matching) used.add(entry);
    if (matching.length === 0) unexpected.push(difference);
  }
  return { unexpected, stale: relevant.filter((entry) => !used.has(entry)) };
}

export function formatEntry(entry: AllowEntry): string {
  const parts = [`${entry.source}: ${entry.subject ?? '(any shape)'} ${entry.trait}`];
  if ('ours' in entry) parts.push(`ours ${formatValue(entry.ours ?? null)}`);
  if ('theirs' in entry) parts.push(`${entry.source} ${formatValue(entry.theirs ?? null)}`);
  if (entry.equivalence) parts.push(`equivalent by ${entry.equivalence}`);
  return parts.join(', ');
}
