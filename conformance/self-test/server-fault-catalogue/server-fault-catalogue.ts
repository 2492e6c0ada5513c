import type { ReferenceService } from '../../server/reference/index.ts';
import type { FetchHandle } from '../../wire/loopback-server.ts';
import metadata from './catalogue.json' with { type: 'json' };
import { CATALOGUE_FAULTS } from './catalogue-faults.ts';

/** The evidence for the behaviour a fault breaks. @internal */
export type EvidenceTier = 'documented' | 'observed' | 'inferred';

/** One entry of the server fault catalogue: catalogue.json's metadata and the fault built under its id. @internal */
export interface ServerFaultEntry {
  id: string;
  /** What is wrong, in the terms of the bug it imitates. */
  fault: string;
  /** An issue, pull request, commit or documentation URL, or a section of ../shared/reference/. */
  source: string;
  /** What the source shows, in one line. */
  sourceShows: string;
  tier: EvidenceTier;
  /** The rule, or the behaviour of a case still to be written, that should catch the fault. */
  caughtBy: string;
  /** The catching rule is judged at should level: the entry runs with --strict. */
  strict: boolean;
  /** What the reference server lacks before any case can show the fault. */
  needs: string | undefined;
  wrap(service: ReferenceService): FetchHandle;
}

const TIERS: ReadonlySet<string> = new Set(['documented', 'observed', 'inferred']);

/**
 * Joins the metadata with the faults. A fault without metadata, metadata without a fault, or
 * an entry with a field missing is a mistake in the catalogue, reported by id.
 * @internal
 */
export function joinCatalogue(entries: ReadonlyArray<Record<string, unknown>>, faults: Readonly<Record<string, ServerFaultEntry['wrap']>>): ServerFaultEntry[] {
  const problems: string[] = [];
  const joined: ServerFaultEntry[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const id = typeof entry['id'] === 'string' ? entry['id'] : `entries[${index}]`;
    for (const field of ['id', 'fault', 'source', 'sourceShows', 'caughtBy'])
      if (typeof entry[field] !== 'string' || entry[field] === '') problems.push(`${id}: ${field} must be a non-empty string`);
    if (!TIERS.has(String(entry['tier']))) problems.push(`${id}: tier must be documented, observed or inferred`);
    if (seen.has(id)) problems.push(`${id}: listed twice`);
    seen.add(id);
    const wrap = faults[id];
    if (!wrap) {
      problems.push(`${id}: no fault of that id in catalogue-faults.ts`);
      continue;
    }
    joined.push({
      id,
      fault: String(entry['fault']),
      source: String(entry['source']),
      sourceShows: String(entry['sourceShows']),
      tier: entry['tier'] as EvidenceTier,
      caughtBy: String(entry['caughtBy']),
      strict: entry['strict'] === true,
      needs: typeof entry['needs'] === 'string' ? entry['needs'] : undefined,
      wrap,
    });
  }
  for (const id of Object.keys(faults)) if (!seen.has(id)) problems.push(`${id}: a fault in catalogue-faults.ts with no entry in catalogue.json`);
  if (problems.length > 0) throw new Error(`server fault catalogue (conformance/self-test/server-fault-catalogue/): ${problems.join('; ')}`);
  return joined;
}

/** Every entry, in catalogue.json's order. @internal */
export const SERVER_FAULT_CATALOGUE: readonly ServerFaultEntry[] = joinCatalogue(metadata.entries, CATALOGUE_FAULTS);
