// Which official awsJson1_1 cases our fixtures cover. The mapping comes from the fixtures'
// own citations (an official id named in `source.ref`), so there is no second list to keep in
// step; tools/official-cases/exclusions.json holds only what a citation cannot say: the cases
// that do not apply to RevokeToken, the fixtures that cite a case but deliberately differ from
// it, and cited ids that the pinned botocore does not ship. Every entry has a one-line reason,
// and an entry that stops being true is reported like a missing one, so the file stays true.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from '../../conformance/fixtures/types.ts';
import type { Direction, OfficialCase, OfficialCaseSet } from './cases.ts';
import { compareWithOfficialCase } from './compare.ts';

export const EXCLUSIONS_FILE = join(import.meta.dirname, 'exclusions.json');

export interface Exclusions {
  /** Cases that do not apply to RevokeToken, grouped by one shared reason. */
  excluded: Record<Direction, Array<{ reason: string; cases: string[] }>>;
  /** Fixtures that cite a case on purpose without carrying its exact wire data. */
  differences: Array<{ fixture: string; case: string; reason: string }>;
  /** Ids fixtures cite that the pinned botocore does not ship (newer Smithy cases, server cases). */
  notInSource: Record<string, string>;
}

export type CaseStatus = 'mapped' | 'adapted' | 'excluded' | 'uncovered';

export interface CaseCoverage {
  direction: Direction;
  id: string;
  status: CaseStatus;
  /** Fixtures carrying the case's wire data (mapped) or citing it with a recorded difference (adapted). */
  fixtures: string[];
  /** The exclusion's or difference's reason. */
  reason?: string;
}

/** The figures a matrix page shows: "`mapped` of `applicable` official cases covered". */
export interface CoverageFigures {
  /** Official awsJson1_1 cases in the pinned botocore (request and response). */
  total: number;
  /** total − excluded: the cases about behaviour RevokeToken has. */
  applicable: number;
  /** Applicable cases a fixture carries exactly (in the reading of compare.ts). */
  mapped: number;
  /** Applicable cases only cited by fixtures that differ on purpose, with a recorded reason. */
  adapted: number;
  excluded: number;
  /** Applicable cases neither mapped nor adapted: the test fails while this is not 0. */
  uncovered: number;
}

export interface Coverage {
  figures: CoverageFigures;
  cases: CaseCoverage[];
  /** Everything that is not as it should be, one line each, naming the case or fixture. */
  problems: string[];
}

const ID_TOKEN = /[A-Za-z_][A-Za-z0-9_]+/g;
// Tokens that look like an official awsJson id even when the set has no such case: a typo, or
// a case newer than the pinned botocore. snake_case ids are only recognised when they exist,
// since refs also name botocore functions (_do_error_parse).
const LOOKS_OFFICIAL = /^AwsJson1[01][A-Za-z0-9_]+$/;

export function readExclusions(path: string = EXCLUSIONS_FILE): Exclusions {
  return JSON.parse(readFileSync(path, 'utf8')) as Exclusions;
}

/** The official ids a fixture cites, and the official-looking ones that are in no case. */
export function citationsOf(fixture: Fixture, knownIds: ReadonlySet<string>): { cited: string[]; unknown: string[] } {
  const tokens = [...new Set(fixture.source.ref.match(ID_TOKEN) ?? [])];
  return { cited: tokens.filter((t) => knownIds.has(t)), unknown: tokens.filter((t) => !knownIds.has(t) && LOOKS_OFFICIAL.test(t)) };
}

const keyOf = (c: { direction: Direction; id: string }) => `${c.direction} ${c.id}`;

export function computeCoverage(set: OfficialCaseSet, fixtures: readonly Fixture[], exclusions: Exclusions = readExclusions()): Coverage {
  const problems: string[] = [];
  const all: OfficialCase[] = [...set.request, ...set.response];
  const byId = new Map<string, OfficialCase[]>();
  for (const c of all) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  const knownIds = new Set(byId.keys());
  const fixtureIds = new Set(fixtures.map((f) => f.id));

  const oneLine = (where: string, reason: unknown) => {
    if (typeof reason !== 'string' || reason.trim() === '' || /[\r\n]/.test(reason)) problems.push(`${where}: the reason must be one non-empty line`);
  };

  const excluded = new Map<string, string>();
  for (const direction of ['request', 'response'] as const) {
    for (const [i, group] of (exclusions.excluded[direction] ?? []).entries()) {
      oneLine(`exclusions.json excluded.${direction}[${i}]`, group.reason);
      for (const id of group.cases) {
        if (!byId.get(id)?.some((c) => c.direction === direction))
          problems.push(`exclusions.json excludes the ${direction} case ${id}, which the official set does not have`);
        else if (excluded.has(`${direction} ${id}`)) problems.push(`exclusions.json excludes the ${direction} case ${id} twice`);
        excluded.set(`${direction} ${id}`, group.reason);
      }
    }
  }

  const differences = new Map<string, string>();
  for (const [i, d] of exclusions.differences.entries()) {
    oneLine(`exclusions.json differences[${i}] (${d.fixture}, ${d.case})`, d.reason);
    if (!fixtureIds.has(d.fixture)) problems.push(`exclusions.json records a difference for the fixture ${d.fixture}, which does not exist`);
    differences.set(`${d.fixture} ${d.case}`, d.reason);
  }
  const usedDifferences = new Set<string>();
  const citedUnknown = new Set<string>();

  const mappedBy = new Map<string, string[]>();
  const adaptedBy = new Map<string, Array<{ fixture: string; reason: string }>>();
  for (const fixture of fixtures) {
    const { cited, unknown } = citationsOf(fixture, knownIds);
    for (const id of unknown) {
      citedUnknown.add(id);
      if (!(id in exclusions.notInSource))
        problems.push(
          `fixture ${fixture.id} cites ${id}, which is not an official case in the pinned botocore (a typo, or add it to notInSource with a reason)`,
        );
    }
    for (const id of cited) {
      const candidates = byId.get(id)!;
      const compared = candidates.map((c) => ({ c, differences: compareWithOfficialCase(c, fixture) }));
      const matching = compared.filter((x) => x.differences.length === 0);
      const differenceKey = `${fixture.id} ${id}`;
      const recorded = differences.get(differenceKey);
      if (matching.length > 0) {
        for (const { c } of matching) mappedBy.set(keyOf(c), [...(mappedBy.get(keyOf(c)) ?? []), fixture.id]);
        if (recorded !== undefined) {
          usedDifferences.add(differenceKey);
          problems.push(`exclusions.json records a difference between ${fixture.id} and ${id}, but the fixture now matches the case; drop the entry`);
        }
      } else if (recorded !== undefined) {
        usedDifferences.add(differenceKey);
        for (const { c } of compared) adaptedBy.set(keyOf(c), [...(adaptedBy.get(keyOf(c)) ?? []), { fixture: fixture.id, reason: recorded }]);
      } else {
        const lines = compared.flatMap(({ c, differences: d }) => d.map((line) => `    ${c.direction} ${line}`));
        problems.push(
          `fixture ${fixture.id} cites ${id} but does not carry its wire data (fix the fixture, or record the difference in exclusions.json):\n${lines.join('\n')}`,
        );
      }
    }
  }
  for (const key of differences.keys()) {
    if (!usedDifferences.has(key)) {
      const [fixture, id] = key.split(' ');
      if (fixtureIds.has(fixture!)) problems.push(`exclusions.json records a difference between ${fixture} and ${id}, but the fixture does not cite ${id}`);
    }
  }
  for (const [id, reason] of Object.entries(exclusions.notInSource)) {
    oneLine(`exclusions.json notInSource.${id}`, reason);
    if (knownIds.has(id)) problems.push(`exclusions.json lists ${id} as not in the official set, but it is there now; drop the entry`);
    else if (!citedUnknown.has(id)) problems.push(`exclusions.json lists ${id} as not in the official set, but no fixture cites it; drop the entry`);
  }

  const cases: CaseCoverage[] = all.map((c) => {
    const key = keyOf(c);
    const mapped = mappedBy.get(key);
    const exclusion = excluded.get(key);
    const adapted = adaptedBy.get(key);
    if (mapped) {
      if (exclusion !== undefined)
        problems.push(`exclusions.json excludes the ${c.direction} case ${c.id}, but ${mapped.join(', ')} carries it; drop the exclusion`);
      return { direction: c.direction, id: c.id, status: 'mapped', fixtures: mapped };
    }
    if (exclusion !== undefined)
      return { direction: c.direction, id: c.id, status: 'excluded', fixtures: adapted?.map((a) => a.fixture) ?? [], reason: exclusion };
    if (adapted)
      return {
        direction: c.direction,
        id: c.id,
        status: 'adapted',
        fixtures: adapted.map((a) => a.fixture),
        reason: adapted.map((a) => `${a.fixture}: ${a.reason}`).join('; '),
      };
    problems.push(`official ${c.direction} case ${c.id} (${c.suite}) is neither carried by a fixture that cites it nor excluded in exclusions.json`);
    return { direction: c.direction, id: c.id, status: 'uncovered', fixtures: [] };
  });

  const count = (status: CaseStatus) => cases.filter((c) => c.status === status).length;
  const figures: CoverageFigures = {
    total: cases.length,
    applicable: cases.length - count('excluded'),
    mapped: count('mapped'),
    adapted: count('adapted'),
    excluded: count('excluded'),
    uncovered: count('uncovered'),
  };
  return { figures, cases, problems };
}

/**
 * The coverage of the pinned official cases by fixtures/ (fetching the cases into .cache/
 * first when needed), for a matrix page's "N of M official cases covered".
 */
export async function officialCaseCoverageFigures(): Promise<CoverageFigures> {
  const [{ loadOfficialCases }, { loadFixtures }] = await Promise.all([import('./cases.ts'), import('../../conformance/fixtures/load.ts')]);
  return computeCoverage(loadOfficialCases(), await loadFixtures()).figures;
}
