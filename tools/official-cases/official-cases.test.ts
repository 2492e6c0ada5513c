// The fixtures against the official Smithy awsJson1_1 compliance cases of the pinned botocore
// sdist (fetched into .cache/ by fetch.mjs the first time; CI warms it). Every official case
// must be carried by a fixture that cites it, or be excluded or adapted in exclusions.json
// with a reason; a new official case, a fixture that drifts from the case it cites, and an
// entry that is no longer true all fail here, by name.
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../conformance/fixtures/load.ts';
import { loadOfficialCases } from './cases.ts';
import { computeCoverage, officialCaseCoverageFigures } from './coverage.ts';

const set = loadOfficialCases();
const coverage = computeCoverage(set, await loadFixtures());

describe('the fixtures against the official awsJson1_1 cases', () => {
  it("reads botocore 1.44.5's cases: request and response, with the error cases our error fixtures cite", () => {
    expect(set.request.length).toBeGreaterThan(0);
    expect(set.response.map((c) => c.id)).toContain('AwsJson11FooErrorUsingXAmznErrorType');
    expect(set.botocoreSkips.response).toContain('AwsJson11FooErrorUsingCode');
  });

  it('maps, adapts or excludes every official case, and every entry of exclusions.json still holds', () => {
    const { total, applicable, mapped, adapted, excluded } = coverage.figures;
    console.log(
      `official awsJson1_1 cases: ${mapped} of ${applicable} applicable mapped to fixtures, ${adapted} adapted, ${excluded} excluded, ${total} in all`,
    );
    expect(coverage.problems).toEqual([]);
    expect(mapped + adapted).toBe(applicable);
  });

  it('lists the applicable cases botocore itself skips, so the fixtures that carry them stay should-level', async () => {
    const fixtures = new Map((await loadFixtures()).map((f) => [f.id, f]));
    const skipped = coverage.cases.filter((c) => c.status === 'mapped' && set.botocoreSkips[c.direction].includes(c.id));
    expect(skipped.length).toBeGreaterThan(0);
    for (const c of skipped) {
      for (const id of c.fixtures) expect(fixtures.get(id)?.level, `${id} carries ${c.id}, which botocore skips`).toBe('should');
    }
  });

  it('gives a matrix page the same figures through officialCaseCoverageFigures()', async () => {
    expect(await officialCaseCoverageFigures()).toEqual(coverage.figures);
  });
});
