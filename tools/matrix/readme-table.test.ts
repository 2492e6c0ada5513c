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
});
