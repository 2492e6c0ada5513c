import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SUMMARY_PATH } from './main.ts';
import { README_MARKERS, ReadmeMarkersError, readmeTable, renderSummaryTable, replaceReadmeTable } from './markdown.ts';
import { type MatrixSummary, summarize, summaryDifferences } from './summary.ts';
import { smallMatrix } from './test-fixtures/small-matrix.ts';

const committed = JSON.parse(readFileSync(`${REPO_ROOT}/${SUMMARY_PATH}`, 'utf8')) as MatrixSummary;
const readme = readFileSync(`${REPO_ROOT}/README.md`, 'utf8');

describe("the README's conformance matrix table", () => {
  it(`is the table rendered from ${SUMMARY_PATH} (npm run matrix -- --write updates both)`, () => {
    expect(readmeTable(readme)).toBe(renderSummaryTable(committed));
  });

  it('would differ if a count in the summary changed', () => {
    const changed = structuredClone(committed);
    changed.implementations[0]!.must.passed -= 1;
    expect(readmeTable(readme)).not.toBe(renderSummaryTable(changed));
    expect(summaryDifferences(committed, changed)).toEqual([
      `${changed.implementations[0]!.name} must: committed ${JSON.stringify(committed.implementations[0]!.must)}, now ${JSON.stringify(changed.implementations[0]!.must)}`,
    ]);
  });

  it('is replaced between the markers only, and a README without them is refused', () => {
    const text = `intro\n${README_MARKERS.start}\nold\n${README_MARKERS.end}\noutro\n`;
    expect(replaceReadmeTable(text, 'new')).toBe(`intro\n${README_MARKERS.start}\nnew\n${README_MARKERS.end}\noutro\n`);
    expect(() => readmeTable('no markers')).toThrow(ReadmeMarkersError);
  });

  it('shows each implementation with its pinned version, counts per level and diverging rules', () => {
    const table = renderSummaryTable(summarize(smallMatrix()));
    expect(table).toContain('| odd-client | client | odd-sdk 2.3.4 | 1/2 | 0/2 | C14 | C3, C24 |');
    expect(table).toContain('Not in the tree yet, so not run: future-client (client).');
  });

  it('marks a stale row and says why, keeping its figures', () => {
    const summary = structuredClone(committed);
    const moto = summary.implementations.find((r) => r.name === 'moto')!;
    Object.assign(moto, { state: 'stale', note: 'stale: could not run (exit 2); showing the last good result (moto 5.2.5)' });
    const table = renderSummaryTable(summary);
    expect(table).toContain(`| moto (stale) | server | ${moto.version} | ${moto.must.passed}/${moto.must.total} |`);
    expect(table).toContain('Stale, so last good results: moto (stale: could not run (exit 2); showing the last good result (moto 5.2.5)).');
  });

  it('answers what sign-out tests would miss on each server, from the rules it does not pass', () => {
    const summary = structuredClone(committed);
    summary.implementations = [
      {
        name: 'leaky',
        kind: 'server',
        version: 'leaky 1',
        state: 'ran',
        must: { passed: 1, total: 2 },
        should: { passed: 0, total: 0 },
        expected: ['R3'],
        unexpected: [],
        passing: [],
      },
      {
        name: 'fine',
        kind: 'server',
        version: 'fine 1',
        state: 'ran',
        must: { passed: 2, total: 2 },
        should: { passed: 0, total: 0 },
        expected: [],
        unexpected: [],
        passing: [],
      },
    ];
    const table = renderSummaryTable(summary);
    expect(table).toContain('- **leaky** (leaky 1): Sign-out tests would miss that revoked access tokens keep working');
    expect(table).toContain('- **fine** (fine 1): Sign-out behaves as the contract says.');
  });

  it('gives the informational lane its finding and linked sources, apart from the table', () => {
    const summary = structuredClone(committed);
    summary.informational = [
      { name: 'aws-jwt-verify', version: 'aws-jwt-verify 5.2.1', state: 'ran', finding: 'The verifier still accepts it.', observations: [] },
    ];
    const table = renderSummaryTable(summary);
    expect(table).toMatch(
      /\(aws-jwt-verify 5\.2\.1; informational, never counted\): The verifier still accepts it\. Sources: \[awslabs\/aws-jwt-verify#151\]\(https:\/\/github\.com\/awslabs\/aws-jwt-verify\/issues\/151\)/,
    );
  });
});
